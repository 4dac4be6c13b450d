import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../pipeline/model/plan.js';
import { toCsvTables } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { JSONLD_CONTEXT } from '../../../pipeline/outputs/rdf/vocabulary.js';
import { toTargetHistoryTable } from '../../../pipeline/publish/toTargetHistoryFiles.js';
import { builtText, frictionlessValidator } from '../../helpers.js';

describe('the CSV metadata', async () => {
  const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const tables = toCsvTables(plan);

  it('gives each table a Frictionless Table Schema valid against the official v2 profile', async () => {
    const validate = frictionlessValidator('tableschema.json');
    for (const table of tables) {
      const schema = JSON.parse(await builtText(`2025-03/csv/${table.name}.schema.json`));
      expect(validate(schema), `${table.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(schema.fields.map((f: { name: string }) => f.name).slice(0, 3)).toEqual(['lgCode', 'id', 'lgName']);
      expect(schema.fields.map((f: { title: string }) => f.title)).toEqual(table.columns.map((c) => c.title));
      for (const fk of schema.foreignKeys ?? []) expect(tables.map((t) => t.name)).toContain(fk.reference.resource);
    }
  });

  it('describes every CSV in CSVW with titles, names, datatypes and property IRIs', async () => {
    const csvw = JSON.parse(await builtText('2025-03/csv/csv-metadata.json'));
    expect(csvw['@context'][0]).toBe('http://www.w3.org/ns/csvw');
    expect(csvw.dialect).toMatchObject({ encoding: 'utf-8', lineTerminators: ['\r\n'], header: true });
    expect(JSON.stringify(csvw['dc:description'])).toContain('BOM');
    expect(csvw.tables.map((t: { url: string }) => t.url)).toEqual(tables.map((t) => `${t.name}.csv`));
    for (const [i, t] of csvw.tables.entries()) {
      const table = tables[i]!;
      const header = (await builtText(`2025-03/csv/${table.name}.csv`)).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      expect(t.tableSchema.columns.map((c: { titles: { ja: string } }) => c.titles.ja)).toEqual(header);
      for (const c of t.tableSchema.columns) {
        expect(c.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(['string', 'integer', 'decimal', 'gYear', 'gYearMonth']).toContain(c.datatype);
        if (c.suppressOutput) expect(c['rdfs:comment']['@value'], c.name).toMatch(/\w/);
        else expect(c.propertyUrl).toMatch(/^https?:\/\//);
      }
    }
  });

  it('states each column as the JSON-LD states the same property: datatype, language, node or literal (the targets’ history too)', () => {
    const context = JSONLD_CONTEXT['@context'] as Record<string, string | { '@type'?: string; '@language'?: string | null }>;
    for (const table of [...tables, toTargetHistoryTable([plan], [])]) {
      for (const c of table.columns.filter((column) => column.notInGraph === undefined)) {
        const definition = context[c.term];
        const where = `${table.name}.${c.name} (${c.term})`;
        expect(definition, where).toBeDefined();
        const type = typeof definition === 'object' ? definition['@type'] : undefined;
        const language = typeof definition === 'object' && '@language' in definition ? definition['@language'] : 'ja';
        if (c.valueUrl !== undefined || table.foreignKeys.some((fk) => fk.column === c.name)) {
          expect(type === undefined || type === '@id', where).toBe(true);
        } else {
          expect(type === undefined ? 'string' : type.replace(/^xsd:/, ''), where).toBe(c.type);
          expect(c.type !== 'string' || (c.lang ?? null) === language, where).toBe(true);
        }
      }
    }
  });

  it('states the unit of every target value in its own column', () => {
    const targets = tables.find((t) => t.name === 'indicator_targets')!;
    const at = (name: string) => targets.columns.findIndex((c) => c.name === name);
    expect(targets.columns[at('value')]!.type).toBe('decimal');
    for (const row of targets.rows) {
      // A unit only ever stands next to a value, and a value without a unit was printed as a bare number.
      if (row[at('unit')] !== null) expect(row[at('value')]).not.toBeNull();
      if (row[at('value')] !== null && row[at('unit')] === null) expect(String(row[at('text')])).toMatch(/^[\d,.]+$/);
    }
  });
});
