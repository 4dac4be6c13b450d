import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  fiscalYearLabel,
  joinProse,
  normalizeText,
  ownCopy,
  toJapaneseTypography,
  parseEraYearMonth,
  parseFiscalYearHeading,
  parsePlanNumber,
  removeLayoutSpaces,
  latinWords,
  spacedLetters,
} from '../../pipeline/common/text.js';

describe('parsePlanNumber', () => {
  it.each([
    ['１－１－（１）', '1-1-1'],
    ['２－4－（2）', '2-4-2'],
    ['２－１－(9)', '2-1-9'],
    ['２－１－（１3）', '2-1-13'],
    ['３ー２ー（２）', '3-2-2'],
    ['1-１-(２)', '1-1-2'],
    ['２－１－（１０）', '2-1-10'],
  ])('reads %s as %s', (printed, id) => {
    expect(parsePlanNumber(printed)).toBe(id);
  });

  it('rejects text that is not a plan number', () => {
    expect(parsePlanNumber('１－１')).toBeNull();
    expect(parsePlanNumber('番号')).toBeNull();
  });
});

describe('removeLayoutSpaces', () => {
  it('removes letter-spacing and spaces next to Japanese text', () => {
    expect(removeLayoutSpaces('財 産 調 査 件 数')).toBe('財産調査件数');
    expect(removeLayoutSpaces('令和 2 年１１月')).toBe('令和2年１１月');
    expect(removeLayoutSpaces('LINE 友だち登録数')).toBe('LINE友だち登録数');
  });

  it('keeps a space between two Latin words or numbers', () => {
    expect(removeLayoutSpaces('Microsoft  Teams の活用')).toBe('Microsoft Teamsの活用');
  });

  it('decides each run of spaces by the characters on its two sides: none at either end, ideographic spaces alike, surrogate pairs never Latin', () => {
    expect(removeLayoutSpaces('  Web 2\u3000 0 ')).toBe('Web 2 0');
    expect(removeLayoutSpaces('\u3000a\u3000\u3000b\u3000')).toBe('a b');
    expect(removeLayoutSpaces('a 𠮷 b 😀 1')).toBe('a𠮷b😀1');
    expect(removeLayoutSpaces('')).toBe('');
  });
});

describe('spacedLetters', () => {
  it('finds Latin letters or digits spaced apart inside a word, not Latin words or a name and its version', () => {
    expect(spacedLetters('公開型G IS搭載')).toBe('G IS');
    expect(spacedLetters('生成Ａ Ｉの活用')).toBe('A I');
    expect(spacedLetters('（S 54〜R3分）')).toBe('S 54');
    expect(spacedLetters('（S5 4〜R3分）')).toBe('S5 4');
    expect(spacedLetters('Twit terフォロワー数')).toBe('Twit ter');
    expect(spacedLetters('ＳＮ  Ｓ等による情報発信')).toBe('SN S');
    expect(spacedLetters('予約数 12,6 36 件')).toBe('6 36');
    expect(spacedLetters('９ ０% 以上')).toBe('9 0');
    expect(spacedLetters('Google Workspace for Education の活用')).toBeNull();
    expect(spacedLetters('iPad mini の配備')).toBeNull();
    // In prose a word going on in small letters is let through: English phrases are likelier there.
    expect(spacedLetters('Open data を推進', new Set(), true)).toBeNull();
    expect(spacedLetters('Open data を推進')).toBe('Open data');
    // An acronym split into two runs of one or two capitals, in prose too.
    expect(spacedLetters('（ＥＢ ＰＭ）の考え方', new Set(), true)).toBe('EB PM');
    expect(spacedLetters('AI OCR の導入')).toBeNull();
    expect(spacedLetters('Microsoft Teams の活用')).toBeNull();
    expect(spacedLetters('Windows 11 への移行')).toBeNull();
    expect(spacedLetters('Wi-Fi 6 の整備')).toBeNull();
    expect(spacedLetters('令和 6 年度')).toBeNull();
  });

  it('finds two Latin words the text prints elsewhere as one', () => {
    const words = new Set(latinWords('Ｘ（旧：Twitter）、YouTube、LINE WORKS で発信'));
    expect([...words]).toEqual(['x', 'twitter', 'youtube', 'line', 'works']);
    expect(spacedLetters('You Tubeチャンネル登録者数', words)).toBe('You Tube');
    // In any case: the label's `Twitter` attests the prose's `twit ter`.
    expect(spacedLetters('公式 twit ter を活用', words, true)).toBe('twit ter');
    expect(spacedLetters('LINE WORKS の活用', words)).toBeNull();
    expect(spacedLetters('You Tubeチャンネル登録者数')).toBeNull();
  });
});

describe('ownCopy', () => {
  it.each([
    ['empty', ''],
    ['12 characters, left as it is', '行政手続等デジタル化の推'],
    ['13 characters, copied', '行政手続等デジタル化の推進'],
    ['ASCII', 'Wi-Fi and LINE WORKS'],
    ['Japanese cut from a line', '  行政手続等デジタル化の推進（オンライン申請）  '.slice(2, -2)],
    ['surrogate pairs', '𠮷野家の𩸽と𠮷野家の𩸽と𠮷野家の𩸽'],
    ['lone surrogates', '\ud842 と \udfb7 と \ud842 と \udfb7'],
    ['Latin-1 and NUL', 'café\u0000ß café\u0000ß café'],
  ])('gives a string equal to the text: %s', (_case, text) => {
    const copy = ownCopy(text);
    expect(copy).toBe(text);
    expect(copy.length).toBe(text.length);
  });
});

describe('normalizeText', () => {
  it('writes Japanese typography: letters and digits half-width, katakana and Japanese punctuation full-width', () => {
    expect(normalizeText(' ＲＰＡ（自動化技術）ｶﾅ ')).toBe('RPA（自動化技術）カナ');
    expect(normalizeText('Ｘ（旧：Twitter） フォロワー数')).toBe('X（旧：Twitter）フォロワー数');
    expect(normalizeText('ﾃﾞｼﾞﾀﾙ｢推進｣､ｶﾞｲﾄﾞ')).toBe('デジタル「推進」、ガイド');
    expect(normalizeText('７，０００人 ５４．４％ 平成８年度～１０年度分')).toBe('7,000人54.4％平成8年度〜10年度分');
    // The percent sign full-width (one width in a column that prints both; `54.4％` stays text in a spreadsheet), the hyphen-minus half-width.
    expect(['６０％', '60%', '７０%'].map(normalizeText)).toEqual(['60％', '60％', '70％']);
    expect(normalizeText('公衆無線ＬＡＮ（Ｗｉ－Ｆｉ） ＡＩ－ＯＣＲ － ')).toBe('公衆無線LAN（Wi-Fi）AI-OCR-');
    expect(normalizeText('庁内会議（ＷＥＢ会議含む）、Microsoft　Teams')).toBe('庁内会議（WEB会議含む）、Microsoft Teams');
  });

  it('replaces the platform-dependent characters of rule L1-08', () => {
    expect(toJapaneseTypography('①検討 ⑳ ㉑ Ⅱ期 ⅳ ㍻ ㎡ ㈱ ～')).toBe('（1）検討 （20） （21） II期 iv 平成 m2 （株） 〜');
    // What is left: no circled number, Roman-numeral character, square or full-width tilde.
    expect(toJapaneseTypography('①Ⅻ㌔㍉㈲～')).not.toMatch(/[\u2150-\u218f\u2460-\u24ff\u3200-\u33ff\uff5e]/);
  });
});

describe('joinProse', () => {
  it('joins wrapped lines and keeps sentence-final breaks as paragraphs', () => {
    const lines = ['本市の行政サービスにおける様々な手続を、いつでも、どこからでも可能とするために、', 'オンライン化を推進します。 ', 'また、LINE 公式アカウントを導入し、', '確実に情報を届けます。 '];
    expect(joinProse(lines)).toBe(
      '本市の行政サービスにおける様々な手続を、いつでも、どこからでも可能とするために、オンライン化を推進します。\nまた、LINE公式アカウントを導入し、確実に情報を届けます。',
    );
  });
});

describe('joinProse paragraph rules', () => {
  it('breaks before a bracketed heading and after a short hard break, not after a justified line', () => {
    const full = 50;
    expect(joinProse(['（令和 6 年度：７割） ', '【オンラインによる母子保健相談】設定。 '], full)).toBe('（令和6年度：7割）\n【オンラインによる母子保健相談】設定。');
    expect(joinProse(['現在までの実績値を基に設定 ', '利用者の満足度を設定  '], full)).toBe('現在までの実績値を基に設定\n利用者の満足度を設定');
    expect(joinProse(['法改正により、高齢者の保健事業と介護予防との一体的な実施について令和２年    ', '４月１日から施行されました。 '], full)).toBe(
      '法改正により、高齢者の保健事業と介護予防との一体的な実施について令和2年4月1日から施行されました。',
    );
  });
});

describe('era dates', () => {
  it('converts 令和 year-months and fiscal years to the Western calendar', () => {
    expect(parseEraYearMonth('令和 4 年 6 月')).toBe('2022-06');
    expect(parseEraYearMonth('令和 7 年３月')).toBe('2025-03');
    expect(parseEraYearMonth('令和元年5月')).toBe('2019-05');
    expect(parseEraYearMonth('令和4年13月')).toBeNull();
    expect(parseFiscalYearHeading('令和３年度')).toBe(2021);
    expect(fiscalYearLabel(2025)).toBe('令和7年度');
  });
});

describe('displayWidth', () => {
  it('counts full-width characters as 1 and ASCII as 0.5', () => {
    expect(displayWidth('ICT を活用')).toBe(5);
    expect(displayWidth('利便性向上')).toBe(5);
  });
});
