/**
 * The project's own vocabulary (prefix `hict`): every term of our own that the JSON-LD context or the
 * CSV metadata uses, with a Japanese and an English label and definition. Concepts the IMI core
 * vocabulary (`ic:`), Dublin Core or schema.org already have are used from there instead; a term
 * here says which IMI concept it relates to where there is one.
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
  t('PlanEdition', 'Class', '計画の版', 'Plan edition', '計画の一つの版（原版または改訂版）。ic:文書型でもある', 'One edition of the plan, original or revised; also an ic:文書型', 'ic:文書型'),
  t('Policy', 'Class', '基本方針', 'Basic policy', '計画の基本方針', 'A basic policy of the plan'),
  t('Measure', 'Class', '事業推進計画', 'Measure', '基本方針のもとの事業推進計画', 'A measure under a basic policy'),
  t('Project', 'Class', '個別事業', 'Project', '計画の個別事業。ic:活動型でもある', 'A project of the plan; also an ic:活動型', 'ic:活動型'),
  t('Initiative', 'Class', '取組', 'Initiative', '個別事業の年度ごとの取組の行', 'A row of a project’s yearly initiatives'),
  t('YearText', 'Class', '年度欄の記載', 'Year-cell text', '取組の年度欄に印刷された文言', 'Text printed in a year cell of an initiative'),
  t('Indicator', 'Class', '評価指標', 'Indicator', '個別事業の評価指標', 'An evaluation indicator of a project'),
  t('Target', 'Class', '目標値', 'Target', '評価指標の一年度の目標。数値はic:数値、単位はic:単位表記', 'The target of an indicator for one fiscal year; an ic:数量型', 'ic:数量型'),
  t('FiscalYear', 'Class', '年度', 'Fiscal year', '4月1日から翌年3月31日までの年度。ic:期間型でもある', 'A Japanese fiscal year, 1 April to 31 March; also an ic:期間型', 'ic:期間型'),
  t('Revision', 'Class', '改訂', 'Revision', '改訂履歴の一つの改定年月', 'One revision date of the revision history'),
  t('RevisionEntry', 'Class', '改訂項目', 'Revision entry', '改訂履歴の一つの項目', 'One entry of the revision history'),
  t('SourceFile', 'Class', '原資料ファイル', 'Source file', 'データを読み取った計画のテキスト', 'The plan text the data was read from'),
  t('LineRange', 'Class', '行範囲', 'Line range', '原資料ファイルの行の範囲', 'A range of lines of the source file'),
  t('PrintedTexts', 'Class', '印刷どおりの文言', 'Printed texts', '正規化する前の、印刷されたとおりの文言', 'Texts as printed, before normalisation'),
  t('ProjectStatus', 'Class', '事業の状態', 'Project status', '個別事業の状態。ic:状況型でもある', 'Status of a project; also an ic:状況型', 'ic:状況型'),
  t('Active', 'Individual', '実施中', 'Active', '計画終了となっていない事業', 'A project that has not ended', 'hict:ProjectStatus'),
  t('Ended', 'Individual', '計画終了', 'Ended', '【計画終了】とされた事業', 'A project marked 【計画終了】', 'hict:ProjectStatus'),

  t('editionNumber', 'Property', '版番号', 'Edition number', '原版を1とし、改訂履歴に記載された改定年月の数に1を足した数', '1 for the original; N+1 when the revision history lists N revision dates', 'xsd:integer'),
  t('revisionDate', 'Property', '改定年月', 'Revision month', '改定の年月', 'Year and month of a revision', 'xsd:gYearMonth'),
  t('printedDate', 'Property', '改定年月（印刷どおり）', 'Printed revision date', '改訂履歴に印刷された改定年月', 'Revision date as printed', 'xsd:string'),
  t('titleSource', 'Property', '表題の出典', 'Title source', '表題がどこから来たか（本文に表題がないため metadata）', 'Where the title comes from (metadata: the text does not print it)', 'xsd:string'),
  t('localGovernmentCode', 'Property', '全国地方公共団体コード', 'Local government code', '6桁の全国地方公共団体コード', '6-digit local government code of Japan', 'xsd:string'),
  t('localGovernmentName', 'Property', '地方公共団体名', 'Local government name', '都道府県名と市区町村名', 'Prefecture and municipality name', 'xsd:string'),
  t('printedName', 'Property', '名称（印刷どおり）', 'Printed name', '正規化前の、印刷されたとおりの名称', 'The name as printed, before normalisation', 'xsd:string'),
  t('listedName', 'Property', '一覧上の名称', 'Listed name', '個別事業一覧に記載された名称', 'The name in the project list', 'xsd:string'),
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
  t('status', 'Property', '状態', 'Status', '個別事業の状態（実施中・計画終了）', 'Status of the project', 'hict:ProjectStatus'),
  t('repostOf', 'Property', '再掲元', 'Repost of', '【再掲】の事業が再掲している元の事業', 'The project a 【再掲】 listing repeats', 'hict:Project'),
  t('leadDepartment', 'Property', '主管課等', 'Lead department', '事業の主管課等（ic:関与の役割「主管」にあたる）', 'Lead department (an ic:関与 with role 主管)', 'ic:組織型'),
  t('relatedDepartment', 'Property', '関係課等', 'Related department', '事業の関係課等（ic:関与の役割「関係」にあたる）', 'Related department (an ic:関与 with role 関係)', 'ic:組織型'),
  t('objective', 'Property', '目指すもの', 'Objective', '事業が目指すもの', 'What the project aims at', 'xsd:string'),
  t('indicatorRationale', 'Property', '指標の考え方', 'Indicator rationale', '評価指標の考え方', 'How the indicators were set', 'xsd:string'),
  t('endReason', 'Property', '終了理由', 'End reason', '計画終了の理由', 'Why the project ended', 'xsd:string'),
  t('printed', 'Property', '印刷どおりの文言', 'Printed texts', '正規化前の文言の組', 'The texts of the node as printed', 'hict:PrintedTexts'),
  t('initiative', 'Property', '取組', 'Initiative', '事業の年度ごとの取組（順序付き）', 'The project’s initiatives, in order', 'hict:Initiative'),
  t('yearText', 'Property', '年度欄の記載', 'Year text', '取組の年度欄の文言', 'A text in an initiative’s year cell', 'hict:YearText'),
  t('unplacedText', 'Property', '年度不明の記載', 'Unplaced text', '年度を一意に決められなかった欄の文言', 'A cell text that could not be placed on one fiscal year', 'xsd:string'),
  t('indicator', 'Property', '評価指標', 'Indicator', '事業の評価指標', 'An indicator of the project', 'hict:Indicator'),
  t('target', 'Property', '目標値', 'Target', '評価指標の年度別目標', 'A yearly target of the indicator', 'hict:Target'),
  t('fiscalYear', 'Property', '年度', 'Fiscal year', '目標や記載が対象とする年度', 'The fiscal year a target or text is for', 'hict:FiscalYear'),
  t('printedText', 'Property', '記載内容', 'Printed text', '欄に印刷されたとおりの文言', 'The cell as printed', 'xsd:string'),
  t('span', 'Property', '結合範囲', 'Span', '複数年度にまたがる欄の最初と最後の年度', 'First and last fiscal year of a merged cell', 'xsd:gYear'),
  t('spanStart', 'Property', '結合開始年度', 'Span start', '複数年度にまたがる欄の最初の年度', 'First fiscal year of a merged cell', 'xsd:gYear'),
  t('spanEnd', 'Property', '結合終了年度', 'Span end', '複数年度にまたがる欄の最後の年度', 'Last fiscal year of a merged cell', 'xsd:gYear'),
  t('qualifier', 'Property', '条件', 'Qualifier', '目標値に付く条件（以上、以下、減など）', 'Qualifier printed after a value', 'xsd:string'),
  t('per', 'Property', '頻度の単位', 'Per', '「年３回」の年など、回数を数える期間', 'Period a count is per (年 in 年３回)', 'xsd:string'),
  t('entry', 'Property', '改訂項目', 'Entry', '改定年月の項目（順序付き）', 'The entries of a revision, in order', 'hict:RevisionEntry'),
  t('planNumber', 'Property', '計画番号', 'Plan number', '改訂項目に記載の事業番号', 'Project number named by a revision entry', 'xsd:string'),
  t('aboutProject', 'Property', '対象事業', 'About project', '改訂項目が対象とする、この版の事業', 'The project of this edition a revision entry is about', 'hict:Project'),
  t('planName', 'Property', '計画名称', 'Plan name', '改訂時点の事業の名称', 'Project name at the time of the revision', 'xsd:string'),
  t('number', 'Property', '番号', 'Number', '計画に印刷された番号', 'Number as printed in the plan', 'xsd:string'),
  t('role', 'Property', '役割', 'Role', '担当課の役割（主管・関係）', 'Role of a department (lead or related)', 'xsd:string'),
  t('order', 'Property', '順序', 'Order', 'シートに記載された順序', 'Position on the sheet', 'xsd:integer'),
  t('departmentName', 'Property', '課等名称', 'Department name', '担当課等の名称', 'Name of a department', 'xsd:string'),
  t('indicatorName', 'Property', '指標名', 'Indicator name', '評価指標の名称', 'Name of the indicator', 'xsd:string'),
  t('revisionDateLabel', 'Property', '改定年月（和暦）', 'Revision month label', '改定年月の和暦表記', 'Revision month in the Japanese calendar', 'xsd:string'),
];

/** The full IRI of one of our own terms. */
export function vocabIri(name: string): string {
  return `${VOCAB_NAMESPACE}${name}`;
}

/** IRIs of the CSV column terms: IMI or Dublin Core where they have the concept, ours otherwise. */
export const CSV_TERM_IRIS: Record<string, string> = {
  identifier: 'http://purl.org/dc/terms/identifier',
  name: 'http://imi.go.jp/ns/core/rdf#表記',
  summary: 'http://imi.go.jp/ns/core/rdf#説明',
  value: 'http://imi.go.jp/ns/core/rdf#数値',
  unit: 'http://imi.go.jp/ns/core/rdf#単位表記',
  text: vocabIri('printedText'),
  policy: vocabIri('inPolicy'),
  measure: vocabIri('inMeasure'),
  project: vocabIri('aboutProject'),
  initiative: vocabIri('initiative'),
  indicator: vocabIri('indicator'),
  revisionDate: vocabIri('revisionDate'),
};

/** The IRI a CSV column's term maps to. */
export function csvTermIri(term: string): string {
  return CSV_TERM_IRIS[term] ?? vocabIri(term);
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
