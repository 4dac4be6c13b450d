/**
 * The project's own vocabulary (prefix `hict`): every term of our own that the JSON-LD context or the
 * CSV metadata uses, with a Japanese and an English label and definition. Concepts the IMI core
 * vocabulary (`ic:`), Dublin Core or schema.org already have are used from there instead. Every class
 * of our own is an rdfs:subClassOf the IMI class it is a kind of, so IMI's properties (ic:表記 on an
 * ic:事物型 …) apply to it exactly where IMI allows them.
 */
import { readFileSync } from 'node:fs';

// The context is a static resource of the program (like an imported JSON module), read once at load.
const contextDocument = JSON.parse(readFileSync(new URL('../../../schemas/context.jsonld', import.meta.url), 'utf8')) as {
  '@context': Record<string, unknown>;
};

/** Namespace of the project's own terms (as declared in schemas/context.jsonld). */
export const VOCAB_NAMESPACE = contextDocument['@context'].hict as string;

/** The JSON-LD context (schemas/context.jsonld), published next to the data. */
export const JSONLD_CONTEXT = contextDocument;

/** One term of the project's vocabulary. */
export interface VocabularyTerm {
  name: string;
  kind: 'Class' | 'Property' | 'Individual';
  ja: string;
  en: string;
  commentJa: string;
  commentEn: string;
  /** Class of an individual, super-class of a class, or range of a property (a CURIE). */
  related?: string;
}

const t = (name: string, kind: VocabularyTerm['kind'], ja: string, en: string, commentJa: string, commentEn: string, related?: string): VocabularyTerm => ({
  name,
  kind,
  ja,
  en,
  commentJa,
  commentEn,
  ...(related ? { related } : {}),
});

/** Every term of our own, in a stable order. */
export const VOCABULARY: VocabularyTerm[] = [
  // Classes: each a subclass of the IMI class it is a kind of (ic:概念型, IMI's root, where no narrower one fits),
  // so IMI's properties apply to it exactly where IMI allows them.
  t('PlanEdition', 'Class', '計画の版', 'Plan edition', '計画の一つの版（原版または改訂版）', 'One edition of the plan, original or revised', 'ic:文書型'),
  t('Policy', 'Class', '基本方針', 'Basic policy', '計画の基本方針', 'A basic policy of the plan', 'ic:事物型'),
  t('Measure', 'Class', '事業推進計画', 'Measure', '基本方針のもとの事業推進計画（個別事業をまとめる活動）', 'A measure under a basic policy: the activity its projects belong to', 'ic:活動型'),
  t('Project', 'Class', '個別事業', 'Project', '計画の個別事業', 'A project of the plan', 'ic:活動型'),
  t('Initiative', 'Class', '取組', 'Initiative', '個別事業の年度ごとの取組の行', 'A row of a project’s yearly initiatives', 'ic:活動型'),
  t('YearText', 'Class', '年度欄の記載', 'Year-cell text', '取組の年度欄に印刷された文言', 'Text printed in a year cell of an initiative', 'ic:事物型'),
  t('Indicator', 'Class', '評価指標', 'Indicator', '個別事業の評価指標', 'An evaluation indicator of a project', 'ic:事物型'),
  t('Target', 'Class', '目標値', 'Target', '評価指標の一年度の目標。数値はic:数値、単位はic:単位表記', 'The target of an indicator for one fiscal year: ic:数値 and ic:単位表記', 'ic:数量型'),
  t('FiscalYear', 'Class', '年度', 'Fiscal year', '4月1日から翌年3月31日までの年度', 'A Japanese fiscal year, 1 April to 31 March', 'ic:期間型'),
  t('Revision', 'Class', '改訂', 'Revision', '改訂履歴の一つの改定年月', 'One revision date of the revision history', 'ic:事物型'),
  t('RevisionEntry', 'Class', '改訂項目', 'Revision entry', '改訂履歴の一つの項目', 'One entry of the revision history', 'ic:事物型'),
  t('SourceFile', 'Class', '原資料ファイル', 'Source file', 'データを読み取った計画のテキスト', 'The plan text the data was read from', 'ic:文書型'),
  t('LineRange', 'Class', '行範囲', 'Line range', '原資料ファイルの行の範囲', 'A range of lines of the source file', 'ic:概念型'),
  t('PrintedTexts', 'Class', '印刷どおりの文言', 'Printed texts', '正規化する前の、印刷されたとおりの文言。元のノードと同じプロパティで記す', 'Texts as printed, before normalisation, under the same properties as the node they belong to', 'ic:事物型'),
  t('ProjectStatus', 'Class', '事業の状態', 'Project status', '個別事業の状態', 'Status of a project', 'ic:状況型'),
  t('Active', 'Individual', '実施中', 'Active', '計画終了となっていない事業', 'A project that has not ended', 'hict:ProjectStatus'),
  t('Ended', 'Individual', '計画終了', 'Ended', '【計画終了】とされた事業', 'A project marked 【計画終了】', 'hict:ProjectStatus'),

  t('editionNumber', 'Property', '版番号', 'Edition number', '原版を1とし、改訂履歴に記載された改定年月の数に1を足した数', '1 for the original; N+1 when the revision history lists N revision dates', 'xsd:integer'),
  t('revisionDate', 'Property', '改定年月', 'Revision month', '改定の年月（西暦）。版については、その版の最新の改定年月', 'Year and month of a revision; of an edition, its latest revision', 'xsd:gYearMonth'),
  t('revisionDateLabel', 'Property', '改定年月（和暦）', 'Revision month label', '改定年月の和暦表記（令和4年6月）', 'Revision month in the Japanese calendar', 'xsd:string'),
  t('printedDate', 'Property', '改定年月（印刷どおり）', 'Printed revision date', '改訂履歴に印刷された改定年月', 'Revision date as printed', 'xsd:string'),
  t('titleSource', 'Property', '表題の出典', 'Title source', '表題がどこから来たか（本文に表題がないため metadata）', 'Where the title comes from (metadata: the text does not print it)', 'xsd:string'),
  t('localGovernmentCode', 'Property', '全国地方公共団体コード', 'Local government code', '6桁の全国地方公共団体コード', '6-digit local government code of Japan', 'xsd:string'),
  t('printedName', 'Property', '名称（印刷どおり）', 'Printed name', '正規化前の、印刷されたとおりの名称', 'The name as printed, before normalisation', 'xsd:string'),
  t('listedName', 'Property', '一覧上の名称', 'Listed name', '個別事業一覧に記載された名称', 'The name in the project list', 'xsd:string'),
  t('number', 'Property', '事業番号', 'Project number', '計画に印刷された形の事業番号（1-1-(1)）。識別子（1-1-1）は dcterms:identifier', 'The project number in the form the plan prints it (1-1-(1)); the identifier (1-1-1) is dcterms:identifier', 'xsd:string'),
  t('order', 'Property', '順序', 'Order', 'シートまたは改訂履歴に記載された順序（1から）', 'Position on the sheet or in the revision, from 1', 'xsd:integer'),
  t('startFiscalYear', 'Property', '開始年度', 'First fiscal year', '計画期間の最初の年度', 'First fiscal year of the plan period', 'xsd:gYear'),
  t('endFiscalYear', 'Property', '終了年度', 'Last fiscal year', '計画期間の最後の年度', 'Last fiscal year of the plan period', 'xsd:gYear'),
  t('fiscalYearNumber', 'Property', '年度（西暦）', 'Fiscal year number', '年度の西暦の年', 'Western year of a fiscal year', 'xsd:gYear'),
  t('fiscalYearLabel', 'Property', '年度（和暦）', 'Fiscal year label', '年度の和暦表記（令和3年度）', 'Fiscal year in the Japanese calendar', 'xsd:string'),
  t('attributionText', 'Property', '出典表記', 'Attribution text', '利用時に表示する出典', 'Attribution to show when using the data', 'xsd:string'),
  t('baseIri', 'Property', '基底IRI', 'Base IRI', 'この版のノードのIRIの基底', 'Base of the IRIs of this edition’s nodes', 'xsd:anyURI'),
  t('source', 'Property', '出典', 'Source', 'データを読み取った原資料（ファイルまたは行範囲）', 'What the data was read from: a file or a line range'),
  t('fileName', 'Property', 'ファイル名', 'File name', '原資料のファイル名', 'File name of the source', 'xsd:string'),
  t('sha256', 'Property', 'SHA-256', 'SHA-256', '原資料のSHA-256ハッシュ値（16進）', 'SHA-256 of the source file, hexadecimal', 'xsd:string'),
  t('byteLength', 'Property', 'バイト数', 'Byte length', '原資料のバイト数', 'Size of the source file in bytes', 'xsd:integer'),
  t('lineCount', 'Property', '行数', 'Line count', '原資料の行数', 'Number of lines of the source file', 'xsd:integer'),
  t('encoding', 'Property', '文字コード', 'Encoding', '原資料の文字コード', 'Character encoding of the source file', 'xsd:string'),
  t('bom', 'Property', 'BOMの有無', 'BOM', '原資料がBOMで始まるか', 'Whether the source file starts with a byte order mark', 'xsd:boolean'),
  t('lineEnding', 'Property', '改行コード', 'Line ending', '原資料の改行コード（LF、CRLF）', 'Line ending of the source file', 'xsd:string'),
  t('sheetLines', 'Property', 'シートの行範囲', 'Sheet lines', '個別事業シートの行範囲', 'Lines of the project sheet', 'hict:LineRange'),
  t('listLines', 'Property', '一覧の行範囲', 'List lines', '個別事業一覧での行範囲', 'Lines of the project list entry', 'hict:LineRange'),
  t('startLine', 'Property', '開始行', 'Start line', '最初の行番号（1から）', 'First line number, from 1', 'xsd:integer'),
  t('endLine', 'Property', '終了行', 'End line', '最後の行番号', 'Last line number', 'xsd:integer'),
  t('policy', 'Property', '基本方針', 'Policy', '版が持つ基本方針', 'A basic policy of the edition', 'hict:Policy'),
  t('measure', 'Property', '事業推進計画', 'Measure', '版が持つ事業推進計画', 'A measure of the edition', 'hict:Measure'),
  t('project', 'Property', '個別事業', 'Project', '版が持つ個別事業', 'A project of the edition', 'hict:Project'),
  t('revision', 'Property', '改訂', 'Revision', '版の改訂履歴の改定年月', 'A revision in the edition’s history', 'hict:Revision'),
  t('inPolicy', 'Property', '属する基本方針', 'In policy', '事業推進計画が属する基本方針', 'The basic policy a measure belongs to', 'hict:Policy'),
  t('inMeasure', 'Property', '属する事業推進計画', 'In measure', '個別事業が属する事業推進計画', 'The measure a project belongs to', 'hict:Measure'),
  t('status', 'Property', '状態', 'Status', '個別事業の状態（hict:Active 実施中、hict:Ended 計画終了）', 'Status of the project (hict:Active or hict:Ended)', 'hict:ProjectStatus'),
  t('repostOf', 'Property', '再掲元', 'Repost of', '【再掲】の事業が再掲している元の事業', 'The project a 【再掲】 listing repeats', 'hict:Project'),
  t('objective', 'Property', '目指すもの', 'Objective', '事業が目指すもの（段落は空白でつなぐ）', 'What the project aims at (paragraphs joined by a space)', 'xsd:string'),
  t('indicatorRationale', 'Property', '指標の考え方', 'Indicator rationale', '評価指標の考え方（段落は空白でつなぐ）', 'How the indicators were set (paragraphs joined by a space)', 'xsd:string'),
  t('endReason', 'Property', '終了理由', 'End reason', '計画終了の理由（段落は空白でつなぐ）', 'Why the project ended (paragraphs joined by a space)', 'xsd:string'),
  t('printed', 'Property', '印刷どおりの文言', 'Printed texts', '正規化前の文言の組', 'The texts of the node as printed', 'hict:PrintedTexts'),
  t('initiative', 'Property', '取組', 'Initiative', '事業の年度ごとの取組（順序は hict:order）', 'An initiative of the project (its position: hict:order)', 'hict:Initiative'),
  t('yearText', 'Property', '年度欄の記載', 'Year text', '取組の年度欄の文言。年度を一意に決められない文言は hict:fiscalYear を持たない', 'A text in an initiative’s year cells; one that cannot be placed on one fiscal year has no hict:fiscalYear', 'hict:YearText'),
  t('unplacedText', 'Property', '年度不明の記載', 'Unplaced text', '評価指標の欄のうち、年度を一意に決められなかった文言（順序付き）', 'Texts of an indicator’s cells that could not be placed on one fiscal year, in order', 'xsd:string'),
  t('indicator', 'Property', '評価指標', 'Indicator', '事業の評価指標', 'An indicator of the project', 'hict:Indicator'),
  t('target', 'Property', '目標値', 'Target', '評価指標の年度別目標', 'A yearly target of the indicator', 'hict:Target'),
  t('fiscalYear', 'Property', '年度', 'Fiscal year', '目標や記載が対象とする年度（fiscal-year/2021 のノード）', 'The fiscal year a target or text is for (the node fiscal-year/2021)', 'hict:FiscalYear'),
  t('text', 'Property', '記載内容', 'Text', '欄に記載された文言を正規化したもの（CSVの「記載内容」）', 'The text of a cell, normalised (the CSV column 記載内容)', 'xsd:string'),
  t('printedText', 'Property', '記載内容（印刷どおり）', 'Printed text', '欄に印刷されたとおりの文言（折り返しの行はつなぐ）', 'The cell exactly as printed, its wrapped lines joined', 'xsd:string'),
  t('spanStart', 'Property', '結合開始年度', 'Span start', '複数年度にまたがる欄の最初の年度', 'First fiscal year of a merged cell', 'xsd:gYear'),
  t('spanEnd', 'Property', '結合終了年度', 'Span end', '複数年度にまたがる欄の最後の年度', 'Last fiscal year of a merged cell', 'xsd:gYear'),
  t('qualifier', 'Property', '条件', 'Qualifier', '目標値に付く条件（以上、以下、減など）', 'Qualifier printed after a value', 'xsd:string'),
  t('per', 'Property', '頻度の単位', 'Per', '「年３回」の年など、回数を数える期間', 'Period a count is per (年 in 年３回)', 'xsd:string'),
  t('entry', 'Property', '改訂項目', 'Entry', '改定年月の項目（順序付き）', 'The entries of a revision, in order', 'hict:RevisionEntry'),
  t('planNumber', 'Property', '計画番号', 'Plan number', '改訂項目に記載の事業番号（識別子の形、1-1-3）', 'Project number named by a revision entry, as an identifier (1-1-3)', 'xsd:string'),
  t('aboutProject', 'Property', '対象事業', 'About project', '改訂項目が対象とする、この版の事業', 'The project of this edition a revision entry is about', 'hict:Project'),
  t('planName', 'Property', '計画名称', 'Plan name', '改訂時点の事業の名称', 'Project name at the time of the revision', 'xsd:string'),
];

/** The full IRI of one of our own terms. */
export function vocabIri(name: string): string {
  return `${VOCAB_NAMESPACE}${name}`;
}

/** The absolute IRI of a CURIE or IRI written in the context (`ic:表記` → `http://imi.go.jp/ns/core/rdf#表記`). */
function expandCurie(value: string): string {
  const colon = value.indexOf(':');
  const prefix = contextDocument['@context'][value.slice(0, colon)];
  return colon > 0 && typeof prefix === 'string' && !value.slice(colon + 1).startsWith('//') ? `${prefix}${value.slice(colon + 1)}` : value;
}

/**
 * The IRI a CSV column's term maps to: the term is a key of the JSON-LD context, so a column states
 * exactly the property the JSON-LD states under the same key (one meaning per property).
 */
export function csvTermIri(term: string): string {
  const definition = contextDocument['@context'][term];
  const id = typeof definition === 'string' ? definition : (definition as { '@id'?: string } | undefined)?.['@id'];
  if (term.startsWith('@') || typeof id !== 'string') throw new Error(`The JSON-LD context has no term ${term}`);
  return expandCurie(id);
}

/** The vocabulary as a JSON-LD document (published as vocab.jsonld). */
export function toVocabularyDocument(): object {
  const label = (ja: string, en: string) => [
    { '@value': ja, '@language': 'ja' },
    { '@value': en, '@language': 'en' },
  ];
  return {
    '@context': {
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      owl: 'http://www.w3.org/2002/07/owl#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      ic: 'http://imi.go.jp/ns/core/rdf#',
      hict: VOCAB_NAMESPACE,
      dcterms: 'http://purl.org/dc/terms/',
    },
    '@graph': [
      {
        '@id': VOCAB_NAMESPACE.replace(/#$/, ''),
        '@type': 'owl:Ontology',
        'dcterms:title': label('秦野市ICT計画データの語彙', 'Vocabulary of the Hadano City ICT plan data'),
        'rdfs:comment': label(
          'IMIコア語彙、Dublin Core、schema.org にない概念のための独自の語彙',
          'Terms of our own for concepts the IMI core vocabulary, Dublin Core and schema.org do not have',
        ),
      },
      ...VOCABULARY.map((term) => {
        const node: Record<string, unknown> = {
          '@id': `hict:${term.name}`,
          '@type': term.kind === 'Class' ? 'rdfs:Class' : term.kind === 'Property' ? 'rdf:Property' : term.related,
          'rdfs:label': label(term.ja, term.en),
          'rdfs:comment': label(term.commentJa, term.commentEn),
          'rdfs:isDefinedBy': { '@id': VOCAB_NAMESPACE.replace(/#$/, '') },
        };
        if (term.kind === 'Class' && term.related) node['rdfs:subClassOf'] = { '@id': term.related };
        if (term.kind === 'Property' && term.related) node['rdfs:range'] = { '@id': term.related };
        return node;
      }),
    ],
  };
}
