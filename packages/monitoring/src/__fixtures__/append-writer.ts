// One writer process of the concurrency test: appends `count` samples, one command's worth at a time.
import { FileMetricsStore } from "../file-store.js";

const [path, writer, count, cap] = process.argv.slice(2);
const store = new FileMetricsStore(String(path), Number(cap));
for (let index = 0; index < Number(count); index += 1) {
  await store.append([{ operation: `writer-${writer}`, value: index, timestamp: Date.now() }]);
}
