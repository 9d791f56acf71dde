import { PGlite } from "@electric-sql/pglite";
import pg from "../db/node_modules/pg/lib/index.js";
const base = process.env.BASE ?? `create table t (id int primary key, a int, b varchar(10), c text, d timestamp, e numeric(10,2), f char(5), g int4, h int8);
create table u (id int primary key, t_id int);
create index t_a on t(a); create unique index t_b on t(b);
create table p (id int, k int) partition by list (k); create table p1 (id int, k int);
create table p2 partition of p for values in (2);
create materialized view m as select id from t; create unique index m_id on m(id);
create view v as select * from t; create sequence s; create type e as enum ('a');
create function trg() returns trigger language plpgsql as $$begin return new; end$$;
create trigger tr before insert on t for each row execute function trg();
alter table u add constraint u_fk foreign key (t_id) references t(id) not valid;
alter table t add constraint t_chk check (a > 0) not valid;
create policy pol on t using (true);
insert into t values (1, 1, 'x', 'y', now(), 1, 'a', 1, 1);
`;
const cases = process.argv.slice(2).length ? process.argv.slice(2) : (await import("fs")).readFileSync("/tmp/probe/cases.txt","utf8").split("\n").filter(Boolean);
async function run(query) {
  await query("drop schema if exists public cascade; create schema public;");
  await query(base);
  const out = [];
  for (const sql of cases) {
    await query("begin");
    try {
      const before = await query("select c.relname, c.relfilenode from pg_class c join pg_namespace n on n.oid=c.relnamespace where n.nspname='public'");
      await query(sql);
      const locks = await query("select coalesce(c.relname, l.relation::text) rel, l.mode from pg_locks l left join pg_class c on c.oid=l.relation where l.pid=pg_backend_pid() and l.locktype='relation' and (c.relnamespace is null or c.relnamespace = 'public'::regnamespace) order by 1,2");
      const after = await query("select c.relname, c.relfilenode from pg_class c join pg_namespace n on n.oid=c.relnamespace where n.nspname='public'");
      const map = new Map(before.map(r => [r.relname, r.relfilenode]));
      const rewritten = after.filter(r => map.has(r.relname) && map.get(r.relname) !== r.relfilenode).map(r => r.relname);
      out.push(`${sql}\n    locks: ${locks.map(l => l.rel + "=" + l.mode.replace("Lock","")).join(", ")}\n    rewritten: ${rewritten.join(",")}`);
    } catch (e) { out.push(`${sql}\n    ERROR ${e.message}`); }
    await query("rollback");
  }
  return out;
}
const lite = new PGlite();
const r1 = await run(async (q) => { const res = await lite.exec(q); return res[res.length-1]?.rows ?? []; });
const client = new pg.Client("postgres://postgres@127.0.0.1:5432/test"); await client.connect();
const r2 = await run(async (q) => { const res = await client.query(q); return (Array.isArray(res) ? res[res.length-1] : res).rows; });
await client.end();
for (let i = 0; i < r1.length; i++) { console.log("18: " + r1[i]); if (r2[i].split("\n").slice(1).join() !== r1[i].split("\n").slice(1).join()) console.log("15 DIFF: " + r2[i].split("\n").slice(1).join(" ")); }
