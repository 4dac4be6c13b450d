/**
 * The CSVs as RDF, made by an independent CSVW processor from npm (rdf-parser-csvw) through each
 * edition's csv-metadata.json, offline: every statement it makes from every cell is in the edition's
 * graph (plan.nq), so the CSVs, the JSON-LD and the N-Quads say one thing with one IRI per thing.
 * The targets' history across editions (history/csv-metadata.json) likewise: every statement it
 * makes is in the editions' graphs (the union of both plan.nq).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import rdf from '@zazuko/env';
import jsonld from 'jsonld';
import { Parser as N3Parser, Store } from 'n3';
import CsvwParser from 'rdf-parser-csvw';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../pipeline/model/plan.js';
import { toCsvTables, type CsvTable } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { toTargetHistoryTable } from '../../../pipeline/publish/toTargetHistoryFiles.js';
import { builtSeeds } from '../../helpers.js';

// The CSVW namespace's JSON-LD context, as the processor's own package ships it for its test suite
// (the W3C serves it at http://www.w3.org/ns/csvw; nothing is fetched here).
const CSVW_CONTEXT = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('rdf-parser-csvw/test/support/csvw.json'), 'utf8')) as object;

const offlineLoader = async (url: string) => {
  if (url !== 'http://www.w3.org/ns/csvw') throw new Error(`Refusing to load ${url}: offline`);
  return { contextUrl: null, document: CSVW_CONTEXT, documentUrl: url };
};

interface CsvwColumn {
  name: string;
  titles: { ja: string };
  suppressOutput?: boolean;
}
interface CsvwTable {
  url: string;
  tableSchema: { columns: CsvwColumn[] };
}
interface CsvwMetadata {
  '@context': unknown;
  dialect: object;
  tables: CsvwTable[];
}

/**
 * The statements the processor makes from one table's cells. It reads one table's metadata as RDF,
 * so each table gets its own description (the group's dialect included). It fills URI templates from
 * the header titles rather than the column names CSVW specifies, so it is given the names as titles
 * and as the header row: the templates (`{+projectId}`) then mean what they mean to any processor.
 */
async function csvwStatements(metadata: CsvwMetadata, table: CsvwTable, csv: Uint8Array, base: string): Promise<Quad[]> {
  const described = {
    '@context': metadata['@context'],
    dialect: metadata.dialect,
    ...table,
    tableSchema: { ...table.tableSchema, columns: table.tableSchema.columns.map((c) => ({ ...c, titles: c.name })) },
  };
  // As RDF/JS quads, not N-Quads text: the templates are IRIs in this context, and `{` is no IRI character.
  const quads = (await jsonld.toRDF(described as never, { documentLoader: offlineLoader as never } as never)) as unknown as Quad[];
  // jsonld.js's quads lack the termType `Quad` that fromQuad expects: their terms are converted one by one.
  const dataset = rdf.dataset(quads.map((q) => rdf.quad(rdf.fromTerm(q.subject as never), rdf.fromTerm(q.predicate as never), rdf.fromTerm(q.object as never), rdf.fromTerm(q.graph as never))));
  const text = new TextDecoder().decode(csv);
  const header = text.slice(0, text.indexOf('\r\n'));
  const titles = table.tableSchema.columns.map((c) => c.titles.ja);
  expect(header.replace(/^\uFEFF/, '').split(','), table.url).toEqual(titles);
  const renamed = Buffer.from(`\uFEFF${table.tableSchema.columns.map((c) => c.name).join(',')}${text.slice(header.length)}`);
  const parser = new CsvwParser({ metadata: dataset, baseIRI: `${base}${table.url}`, factory: rdf, timezone: 'UTC' });
  const statements: Quad[] = [];
  const stream = parser.import(Readable.from([renamed]));
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (q: Quad) => statements.push(q));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // The row and table descriptions (blank nodes: csvw:Row, csvw:describes, rownum, the table's
  // title) are CSVW's standard-mode annotations, not facts of the data.
  return statements.filter((q) => q.subject.termType === 'NamedNode');
}

/** Non-empty cells of the columns that are stated (not suppressed): one statement each. */
function statedCells(table: CsvTable): number {
  const stated = table.columns.map((c) => c.notInGraph === undefined);
  return table.rows.reduce((n, row) => n + row.filter((cell, i) => stated[i] && cell !== null).length, 0);
}

const term = (t: Quad['object']) => (t.termType === 'Literal' ? `"${t.value}"${t.language ? `@${t.language}` : `^^${t.datatype.value}`}` : `<${t.value}>`);

for (const edition of ['2021', '2025-03']) {
  describe(`the CSVs of ${edition} through CSVW`, async () => {
    const { files } = await builtSeeds();
    const read = (path: string) => files.get(`out/${edition}/${path}`)!;
    const metadata = JSON.parse(new TextDecoder().decode(read('csv/csv-metadata.json'))) as CsvwMetadata;
    const plan = JSON.parse(new TextDecoder().decode(read('plan.json'))) as Plan;
    const base = plan.edition.baseIri;
    const tables = toCsvTables(plan);
    const graph = new Store(new N3Parser({ format: 'N-Quads' }).parse(new TextDecoder().decode(read('plan.nq'))));

    for (const table of metadata.tables) {
      it(`${table.url}: every statement of every cell is in plan.nq`, async () => {
        const csv = read(`csv/${table.url}`);
        const statements = await csvwStatements(metadata, table, csv, base);
        // Every stated cell became a statement: the processor read every row and column.
        const described = tables.find((t) => `${t.name}.csv` === table.url)!;
        expect(statements.length).toBe(statedCells(described));
        if (described.rows.length > 0) expect(statements.length).toBeGreaterThan(0);
        // In plan.nq under the edition's graph name; the CSVs' RDF has no graph name.
        const missing = statements.filter((q) => graph.countQuads(q.subject as never, q.predicate as never, q.object as never, null) === 0);
        expect(missing.map((q) => `<${q.subject.value}> <${q.predicate.value}> ${term(q.object)}`)).toEqual([]);
      });
    }
  });
}

describe('the targets’ history through CSVW', async () => {
  const { result, files } = await builtSeeds();
  const read = (path: string) => files.get(`out/${path}`)!;
  const metadata = JSON.parse(new TextDecoder().decode(read('history/csv-metadata.json'))) as CsvwMetadata;
  const plans = result.editions.map((e) => e.plan!);
  const streamed = toTargetHistoryTable(
    plans,
    result.editions.flatMap((e) => (e.changelog ? [e.changelog] : [])),
  );
  const table: CsvTable = { ...streamed, rows: [...streamed.rows()] };
  // Both editions' graphs in one store, each in its named graph.
  const graph = new Store();
  for (const edition of ['2021', '2025-03']) graph.addQuads(new N3Parser({ format: 'N-Quads' }).parse(new TextDecoder().decode(read(`${edition}/plan.nq`))));

  it('indicator_targets_history.csv: every statement of every cell is in the editions’ plan.nq', async () => {
    expect(metadata.tables.map((t) => t.url)).toEqual(['indicator_targets_history.csv']);
    const statements = await csvwStatements(metadata, metadata.tables[0]!, read('history/indicator_targets_history.csv'), plans[0]!.edition.baseIri);
    expect(table.rows.length).toBe((38 + 93) * 5);
    expect(statements.length).toBe(statedCells(table));
    const missing = statements.filter((q) => graph.countQuads(q.subject as never, q.predicate as never, q.object as never, null) === 0);
    expect(missing.map((q) => `<${q.subject.value}> <${q.predicate.value}> ${term(q.object)}`)).toEqual([]);
    // Each edition's values of one target are statements about the same node: 1-1-2's FY2023 target, 15％ then ５％.
    const about = statements.filter((q) => q.subject.value.endsWith('project/1-1-2/indicator/1/target/2023') && q.predicate.value.endsWith('vocab#printedText'));
    expect(about.map((q) => q.object.value).sort()).toEqual(['15％', '５％']);
  });
});
