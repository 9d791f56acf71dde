#!/usr/bin/env node
// Where a clean build's time goes: builds every workspace package one at a time, in dependency order,
// with `tsc --extendedDiagnostics`, RUNS times (default 2), and prints per package the wall time and
// tsc's own phases (parse, check, emit), then the sum and the longest dependency chain (what a
// parallel build cannot beat). The load average is printed with the figures, since the machine may
// be shared. Usage: node tooling/ci/build-profile.mjs [runs]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");
const runs = Number(process.argv[2] ?? 2);
const tsc = join(root, "node_modules", ".bin", "tsc");

const directories = [
  ...readdirSync(join(root, "packages")).map((name) => join(root, "packages", name)),
  join(root, "apps", "cli"),
  ...readdirSync(join(root, "tooling", "examples")).map((name) => join(root, "tooling", "examples", name)),
];
const packages = new Map();
for (const directory of directories) {
  const manifestPath = join(directory, "package.json");
  if (!existsSync(manifestPath) || !existsSync(join(directory, "tsconfig.build.json"))) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies });
  packages.set(manifest.name, { name: manifest.name, directory, dependencies });
}

/** Dependency order: a package after every workspace package it depends on. */
const order = [];
const visit = (name, seen = new Set()) => {
  if (order.includes(name) || seen.has(name)) return;
  seen.add(name);
  for (const dependency of packages.get(name).dependencies) if (packages.has(dependency)) visit(dependency, seen);
  order.push(name);
};
for (const name of packages.keys()) visit(name);

const seconds = (text, label) => Number(new RegExp(`${label}:\\s+([\\d.]+)s`).exec(text)?.[1] ?? Number.NaN);
const results = new Map(order.map((name) => [name, []]));
for (let run = 1; run <= runs; run++) {
  console.log(
    `run ${run}: load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
  for (const name of order) {
    const { directory } = packages.get(name);
    const started = performance.now();
    const output = execFileSync(tsc, ["-p", "tsconfig.build.json", "--extendedDiagnostics"], {
      cwd: directory,
      encoding: "utf8",
    });
    const wall = (performance.now() - started) / 1000;
    results.get(name).push({
      wall,
      parse: seconds(output, "Parse time"),
      check: seconds(output, "Check time"),
      emit: seconds(output, "Emit time"),
      total: seconds(output, "Total time"),
    });
  }
}

const fmt = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0].toFixed(1)}..${sorted[sorted.length - 1].toFixed(1)}`;
};
console.log("\npackage                         wall s      parse s    check s    emit s     (min..max over runs)");
const median = new Map();
for (const name of order) {
  const entries = results.get(name);
  const walls = entries.map((entry) => entry.wall);
  median.set(name, [...walls].sort((a, b) => a - b)[Math.floor(walls.length / 2)]);
  console.log(
    `${name.padEnd(32)}${fmt(walls).padEnd(12)}${fmt(entries.map((e) => e.parse)).padEnd(11)}${fmt(entries.map((e) => e.check)).padEnd(11)}${fmt(entries.map((e) => e.emit))}`,
  );
}
const chain = new Map();
for (const name of order) {
  const before = packages.get(name).dependencies.filter((dependency) => chain.has(dependency));
  chain.set(name, (median.get(name) ?? 0) + Math.max(0, ...before.map((dependency) => chain.get(dependency))));
}
const sum = [...median.values()].reduce((total, value) => total + value, 0);
const longest = [...chain.entries()].sort((a, b) => b[1] - a[1])[0];
console.log(
  `\nsum of packages (one at a time): ${sum.toFixed(1)} s; longest dependency chain (ends at ${longest[0]}): ${longest[1].toFixed(1)} s`,
);
console.log(
  `load average at the end: ${loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")}`,
);
