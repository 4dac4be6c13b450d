/**
 * Stage `csv`: `CsvTable[]` → the metadata that makes the CSVs self-describing: one Frictionless Table
 * Schema per table (v2) and one W3C CSVW metadata document (`csv-metadata.json`) for all of them, so
 * the CSVs convert to RDF by the W3C recommendation. Both state the dialect, including the BOM. The
 * targets' history across editions is described the same way (`toCsvwGroup`).
 */
import type { Plan } from '../../model/plan.js';
import { unitFieldOf, type ColumnType, type CsvColumn, type CsvTableDescription } from './toCsvTables.js';
import { CSV_DIALECT } from './toCsvText.js';
import { csvTermIri } from '../rdf/vocabulary.js';

const TABLE_SCHEMA_TYPES: Record<ColumnType, string> = {
  string: 'string',
  integer: 'integer',
  decimal: 'number',
  gYear: 'year',
  gYearMonth: 'yearmonth',
};

/** Columns holding the id of another node, as the names of the tables they point to. */
function referenceColumns(table: CsvTableDescription): Map<string, string> {
  return new Map(table.foreignKeys.map((fk) => [fk.column, fk.table]));
}

const BOM_NOTE_JA = 'UTF-8（BOM付き）、改行はCRLF、RFC 4180に従い引用符で囲む。BOMは日本語版Windows上のExcelで文字化けを防ぐため';
const BOM_NOTE_EN = 'UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting; the BOM keeps Excel on Japanese Windows from showing mojibake';

/** The Frictionless Table Schema (v2) of one table. */
export function toTableSchema(table: CsvTableDescription): object {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields: table.columns.map((c) => ({
      name: c.name,
      title: c.title,
      description: `${c.description} / ${c.descriptionEn}`,
      type: TABLE_SCHEMA_TYPES[c.type],
      ...(c.unit ? { unit: c.unit } : {}),
      ...(unitFieldOf(c, table.columns) ? { unitField: unitFieldOf(c, table.columns)!.name } : {}),
      ...(c.required ? { constraints: { required: true } } : {}),
    })),
    missingValues: [''],
    primaryKey: ['id'],
    ...(table.foreignKeys.length > 0
      ? { foreignKeys: table.foreignKeys.map((fk) => ({ fields: [fk.column], reference: { resource: fk.table, fields: ['id'] } })) }
      : {}),
  };
}

/**
 * How a column's cells become statements of the edition's graph (CSVW): the property, the node they
 * are about and the node they point to (templates under the base IRI; a foreign key points to the
 * row it names), the language of Japanese text; or, for a column the graph states otherwise, no
 * statement and why. The CSVs' RDF is then part of the graph of plan.jsonld and plan.nq.
 */
function columnRdf(c: CsvColumn, isReference: boolean, base: string): object {
  if (c.notInGraph) return { suppressOutput: true, 'rdfs:comment': { '@value': c.notInGraph, '@language': 'en' } };
  const valueUrl = c.valueUrl ?? (isReference ? `{+${c.name}}` : null);
  return {
    ...(c.about ? { aboutUrl: `${base}${c.about}` } : {}),
    propertyUrl: csvTermIri(c.term),
    ...(valueUrl ? { valueUrl: `${base}${valueUrl}` } : {}),
    ...(c.lang ? { lang: c.lang } : {}),
  };
}

/** What a CSVW table group says of itself besides its tables. */
export interface CsvwGroupFacts {
  title: string;
  titleEn: string;
  publisher: string;
  license: string;
  /** The source text(s) the tables were read from. */
  source: string | string[];
  /** The base IRI every URI template is under. */
  baseIri: string;
}

/** The CSVW metadata (`csv-metadata.json`) describing every table of one edition. */
export function toCsvwMetadata(tables: readonly CsvTableDescription[], plan: Plan): object {
  return toCsvwGroup(tables, {
    title: `${plan.edition.title}（${plan.edition.id}版）CSV`,
    titleEn: `${plan.edition.title} (edition ${plan.edition.id}) as CSV`,
    publisher: plan.edition.municipality.name,
    license: plan.edition.license.url,
    source: plan.edition.source.fileName,
    baseIri: plan.edition.baseIri,
  });
}

/** The CSVW metadata of a group of tables in one folder (an edition's, or the targets' history across editions). */
export function toCsvwGroup(tables: readonly CsvTableDescription[], facts: CsvwGroupFacts): object {
  const base = facts.baseIri;
  const both = (ja: string, en: string) => [
    { '@value': ja, '@language': 'ja' },
    { '@value': en, '@language': 'en' },
  ];
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'ja' }],
    '@type': 'TableGroup',
    'dc:title': both(facts.title, facts.titleEn),
    'dc:publisher': facts.publisher,
    'dc:license': { '@id': facts.license },
    'dc:source': facts.source,
    'dc:description': both(BOM_NOTE_JA, BOM_NOTE_EN),
    dialect: {
      encoding: CSV_DIALECT.encoding,
      lineTerminators: [CSV_DIALECT.lineTerminator],
      delimiter: CSV_DIALECT.delimiter,
      quoteChar: CSV_DIALECT.quoteChar,
      doubleQuote: CSV_DIALECT.doubleQuote,
      header: CSV_DIALECT.header,
      headerRowCount: 1,
      trim: false,
    },
    tables: tables.map((table) => {
      const references = referenceColumns(table);
      return {
        url: `${table.name}.csv`,
        'dc:title': both(table.title, table.titleEn),
        'dc:description': table.description,
        tableSchema: {
          aboutUrl: `${base}${table.about ?? '{+id}'}`,
          primaryKey: 'id',
          ...(table.foreignKeys.length > 0
            ? {
                foreignKeys: table.foreignKeys.map((fk) => ({
                  columnReference: fk.column,
                  reference: { resource: `${fk.table}.csv`, columnReference: 'id' },
                })),
              }
            : {}),
          columns: table.columns.map((c) => ({
            name: c.name,
            titles: { ja: c.title },
            'dc:description': both(c.description, c.descriptionEn),
            datatype: c.type,
            required: c.required ?? false,
            null: '',
            ...columnRdf(c, references.has(c.name), base),
            ...(c.unit ? { 'schema:unitText': c.unit } : {}),
          })),
        },
      };
    }),
  };
}
