import type { ColumnModel, TableModel } from "@confiture/sql";
import { describe, expect, it } from "vitest";
import { classifyColumn, classifyTable } from "./classify.js";
import { resolveClassificationConfig } from "./config.js";
import { matchesNamePattern } from "./names.js";
import { tableNamed } from "./schema-checks.js";
import { parseTags, tagsOf } from "./tags.js";

function column(name: string, type = "text", extra: Partial<ColumnModel> = {}): ColumnModel {
  return { name, type, typeModifiers: [], isArray: false, notNull: false, securityLabels: {}, ...extra };
}

function table(name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}): TableModel {
  return { ...tableNamed(name), columns: new Map(columns.map((item) => [item.name, item])), createdInMigrations: true, ...extra };
}

const config = resolveClassificationConfig(undefined);

describe("names", () => {
  it.each([
    ["card_number", "card_number", true],
    ["primary_card_number", "card_number", true],
    ["PrimaryCardNumber", "card_number", true],
    ["card_pan", "pan", true],
    ["company", "pan", false],
    ["pinned_at", "pin", false],
    ["pin", "pin", true],
  ])("%s matches %s: %s", (identifier, pattern, expected) => {
    expect(matchesNamePattern(identifier, pattern)).toBe(expected);
  });
});

describe("tags", () => {
  it("reads categories, protection, retention and declassification", () => {
    const tags = parseTags("Patient notes @phi @encrypted @retention(6y) see ticket");
    expect([...tags.categories]).toEqual(["phi"]);
    expect([...tags.protection]).toEqual(["encrypted"]);
    expect(tags.retention).toBe("6y");
    expect(parseTags("@not-sensitive").notSensitive).toBe(true);
  });

  it("counts a bare security label like a tag", () => {
    expect([...tagsOf({ securityLabels: { dummy: "PII" } }).categories]).toEqual(["pii"]);
  });
});

describe("classifyColumn", () => {
  const patients = table("patients", []);

  it("classifies by name and by tag, and explains why", () => {
    const ssn = classifyColumn(patients, column("ssn"), config);
    expect([...ssn.categories]).toEqual(["pii"]);
    expect(ssn.reasons[0]).toEqual({ category: "pii", source: "name", detail: 'column name matches "ssn"' });
    const tagged = classifyColumn(patients, column("notes", "text", { comment: "@phi" }), config);
    expect([...tagged.categories]).toEqual(["phi"]);
  });

  it("lets a team declassify by tag or config", () => {
    expect(classifyColumn(patients, column("email", "text", { comment: "@not-sensitive" }), config).categories.size).toBe(0);
    const custom = resolveClassificationConfig({ notSensitive: ["patients.email"] });
    expect(classifyColumn(patients, column("email"), custom).categories.size).toBe(0);
  });

  it("extends or replaces the default patterns", () => {
    const extended = resolveClassificationConfig({ patterns: { phi: { columns: ["genome"] } } });
    expect([...classifyColumn(patients, column("genome_sequence"), extended).categories]).toEqual(["phi"]);
    const replaced = resolveClassificationConfig({ replaceDefaults: true });
    expect(classifyColumn(patients, column("ssn"), replaced).categories.size).toBe(0);
  });

  it("recognises protected storage", () => {
    expect(classifyColumn(patients, column("ssn_encrypted", "bytea"), config).protected).toBe(true);
    expect(classifyColumn(patients, column("ssn_encrypted", "text"), config).protected).toBe(false);
    expect(classifyColumn(patients, column("diagnosis", "bytea", { comment: "@phi @encrypted" }), config).protected).toBe(true);
    expect(classifyColumn(table("cards", []), column("card_token"), config).protected).toBe(true);
  });
});

describe("classifyTable", () => {
  it("classifies from the table name and its columns", () => {
    const result = classifyTable(table("visits", [column("diagnosis"), column("visited_at", "timestamptz")]), config);
    expect([...result.categories]).toEqual(["phi"]);
    expect([...result.columns.keys()]).toEqual(["diagnosis"]);
    expect([...classifyTable(table("audit_log", []), config).categories]).toEqual(["audit"]);
    expect(classifyTable(table("projects", [column("title")]), config).categories.size).toBe(0);
  });
});
