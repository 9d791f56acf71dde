import { PGlite } from "@electric-sql/pglite";
let t=Date.now();
const a = new PGlite(); await a.waitReady; console.log("first", Date.now()-t);
t=Date.now(); const b = new PGlite(); await b.waitReady; console.log("second", Date.now()-t);
t=Date.now(); const dump = await a.dumpDataDir("none"); console.log("dump", Date.now()-t, dump.size);
t=Date.now(); const c = new PGlite({ loadDataDir: dump }); await c.waitReady; console.log("from dump", Date.now()-t);
console.log((await c.query("select 1 as x")).rows);
t=Date.now(); const d = new PGlite({ loadDataDir: dump }); await d.waitReady; console.log("from dump 2", Date.now()-t);
