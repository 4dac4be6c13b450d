import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClock, printJson, runCli } from '../../pipeline/cli/cli.js';
import { chooseLang, closest, COMMANDS, padEndColumns, TEXTS } from '../../pipeline/cli/texts.js';
import { ROOT } from '../helpers.js';

/** Runs the CLI with `env` (no LANG: Japanese) and returns the exit code and the lines printed. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l), env);
  return { code, lines };
}

const seeds = join(ROOT, 'seeds');

describe('buildClock', () => {
  it('takes SOURCE_DATE_EPOCH first, then the checked-out commit, then the current time with a warning', async () => {
    expect(await buildClock({ SOURCE_DATE_EPOCH: '1743465600' }, tmpdir())).toEqual({ date: '2025-04-01T00:00:00Z', warning: null });
    // What git itself answers in each folder decides what the clock must be (a copy without git, or
    // GIT_DIR set by the environment, changes git's answer, not the rule).
    const expected = async (cwd: string, env: NodeJS.ProcessEnv) => {
      const before = Date.now() - 1000;
      const clock = await buildClock(env, cwd);
      const commit = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd, encoding: 'utf8' });
      if (commit.status === 0) expect(clock).toEqual({ date: new Date(Number(commit.stdout.trim()) * 1000).toISOString().replace('.000Z', 'Z'), warning: null });
      else {
        expect(clock.warning).toMatch(/no SOURCE_DATE_EPOCH and no git commit/);
        expect(Date.parse(clock.date)).toBeGreaterThanOrEqual(before);
        expect(Date.parse(clock.date)).toBeLessThanOrEqual(Date.now());
      }
    };
    await expected(ROOT, {});
    const outside = mkdtempSync(join(tmpdir(), 'clock-'));
    try {
      // A SOURCE_DATE_EPOCH that is not a number of seconds is ignored.
      await expected(outside, { SOURCE_DATE_EPOCH: 'yesterday' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('the command line in Japanese by default', () => {
  it('chooses Japanese unless --lang en or an English locale says otherwise', () => {
    expect(chooseLang(undefined, {})).toBe('ja');
    expect(chooseLang(undefined, { LANG: 'C.UTF-8' })).toBe('ja');
    expect(chooseLang(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(chooseLang(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(chooseLang('ja', { LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(chooseLang('fr', {})).toBeNull();
  });

  it('prints help and usage errors in Japanese, with the command’s own usage and a did-you-mean', async () => {
    expect((await run(['--help'])).lines[0]).toMatch(/^使い方：hadano-ict-plan <コマンド>/);
    expect(await run(['bulid'])).toEqual({ code: 2, lines: ['エラー：bulid というコマンドはありません（build のことですか？）', TEXTS.ja.help.main] });
    const option = await run(['build', '--seed', 'seeds']);
    expect(option.code).toBe(2);
    expect(option.lines[0]).toBe('エラー：--seed というオプションはありません（--seeds のことですか？）');
    expect(option.lines[1]).toBe(TEXTS.ja.help.build);
    expect((await run(['--lang', 'fr', 'build'])).lines).toEqual(['エラー：--lang は ja または en です（指定：fr）']);
    expect((await run(['--help'], { LANG: 'en_US.UTF-8' })).lines[0]).toMatch(/^Usage: hadano-ict-plan <command>/);
  });

  it('refuses a diff of one edition with itself or in reverse order, and names an unknown edition without a whole report', async () => {
    expect(await run(['diff', '2021', '2021', '--seeds', seeds])).toEqual({ code: 2, lines: ['エラー：同じ版どうしは比べられません：2021'] });
    expect(await run(['diff', '2025-03', '2021', '--seeds', seeds])).toEqual({ code: 2, lines: ['エラー：2025-03 は 2021 より後の版です。前の版を先に：diff 2021 2025-03'] });
    expect((await run(['diff', '2021', '2025', '--seeds', seeds])).code).toBe(2);
  });

  it('reports a validate run in Japanese: progress, totals, counts in 件, and the summary (【再掲】 not counted as projects)', async () => {
    const { code, lines } = await run(['validate', '--seeds', seeds]);
    expect(code).toBe(0);
    expect(lines).toContain('2025-03（000_5b993dc6e4c545ce.txt、UTF-8、改行 LF）：シート 62 枚（うち【再掲】3 枚）、事業 59 件（うち計画終了 3 件）、評価指標 93 行、改訂履歴 4 回・74 項目');
    expect(lines.some((l) => /^ {2}2021 {7}parse（本文の構文解析） +\d+ ミリ秒$/.test(l))).toBe(true);
    // The times line up in a terminal, where a full-width character takes two columns.
    const progress = lines.filter((l) => l.endsWith(' ミリ秒'));
    expect(new Set(progress.map((l) => columnsOf(l))).size, progress.join('\n')).toBe(1);
    expect(lines.at(-2)).toBe('2 版を検査しました：エラーなし。何も書き出していません');
    expect(lines.at(-1)).toMatch(/^要約：2 版（2021：事業 38 件、評価指標 38 行；2025-03：事業 59 件、評価指標 93 行）、書き出しなし（validate）、エラー 0 件、警告 \d+ 件、注記 \d+ 件、確認待ちの指摘 0 件、[\d.]+ 秒$/);
  });

  it('refuses --quiet with --verbose, and reads new-edition’s text from the folder npm was run in (INIT_CWD, when npm ran new-edition)', async () => {
    const both = await run(['validate', '--seeds', seeds, '--quiet', '--verbose']);
    expect(both.code).toBe(2);
    expect(both.lines[0]).toBe('エラー：--quiet と --verbose は一緒に使えません');
    const work = mkdtempSync(join(tmpdir(), 'init-cwd-'));
    cpSync(seeds, join(work, 'seeds'), { recursive: true });
    const text = readFileSync(join(seeds, '2025-03', readdirSync(join(seeds, '2025-03')).find((f) => f.endsWith('.txt'))!), 'utf8');
    // The newest 改訂履歴 date, as the 2025-03 text prints it, made the next year's: the text of a 2026-03 edition.
    expect(text).toContain('\n令和 7 年３月  \n');
    writeFileSync(join(work, '改訂版.txt'), text.replace('\n令和 7 年３月  \n', '\n令和 8 年３月  \n'));
    // The CLI's own folder is not `work`: only INIT_CWD says where 改訂版.txt is.
    // INIT_CWD left by an npm run of something else says nothing: the path is the current folder's.
    const elsewhere = await run(['new-edition', '改訂版.txt', '--seeds', join(work, 'seeds'), '--id', '2026-03'], { INIT_CWD: work, npm_lifecycle_event: 'test' });
    expect(elsewhere.code).not.toBe(0);
    expect(existsSync(join(work, 'seeds', '2026-03'))).toBe(false);
    const made = await run(['new-edition', '改訂版.txt', '--seeds', join(work, 'seeds'), '--id', '2026-03'], { INIT_CWD: work, npm_lifecycle_event: 'new-edition' });
    expect(made.code, made.lines.join('\n')).toBe(0);
    expect(readdirSync(join(work, 'seeds', '2026-03')).some((f) => f.endsWith('.txt'))).toBe(true);
  });

  it('shows, in the template of decisions, what the edition before decided about the same finding', async () => {
    const work = mkdtempSync(join(tmpdir(), 'earlier-'));
    cpSync(seeds, join(work, 'seeds'), { recursive: true });
    const folder = join(seeds, '2025-03');
    // The 2025-03 text with one more revision date: a new edition whose sheets read as before.
    const text = readFileSync(join(folder, readdirSync(folder).find((f) => f.endsWith('.txt'))!), 'utf8');
    writeFileSync(join(work, 'next.txt'), `${text}\n令和 8 年３月  \n２-4-(1) 次期基幹系システムの最適化  目指すものを修正。 \n`);
    expect((await run(['new-edition', join(work, 'next.txt'), '--seeds', join(work, 'seeds')])).code).toBe(0);
    const template = JSON.parse((await run(['review', '2026-03', '--seeds', join(work, 'seeds'), '--json'])).lines.join('\n')) as { finding: string; about: string; decision: string; reason: string }[];
    const decided = JSON.parse(readFileSync(join(folder, 'review.json'), 'utf8')) as { decisions: { finding: string; reason: string }[] };
    const reasons = new Map(decided.decisions.map((d) => [d.finding, d.reason]));
    const again = template.filter((t) => reasons.has(t.finding));
    expect(again.length).toBeGreaterThan(0);
    for (const t of again) expect(t.about).toContain(`（前の版 2025-03 での判断：accept「${reasons.get(t.finding)}」`);
    // Shown, never taken over: the person still decides and gives a reason.
    expect(template.every((t) => t.decision === '' && t.reason === '')).toBe(true);
  });

  it('lists warnings and counts the notes by default, lists every note with --verbose, and only what stops publication with --quiet', async () => {
    const listed = (lines: string[], code: string) => lines.filter((l) => l.includes(` ${code} `)).length;
    const normal = (await run(['validate', '--seeds', seeds])).lines;
    expect(listed(normal, 'quality/ended-without-reason')).toBe(1);
    expect(listed(normal, 'review/unexplained-change')).toBe(0);
    // The accepted findings counted as the review line counts them (a finding at two places is one).
    expect(normal).toContain('    注記 9 件（承認済みの指摘 6 件の分を含む）は省きました。すべて見るには --verbose を付けます（quality.json にもあります）');
    const verbose = (await run(['validate', '--seeds', seeds, '--verbose'])).lines;
    expect(listed(verbose, 'review/unexplained-change')).toBeGreaterThan(50);
    expect(verbose.some((l) => l.includes('省きました'))).toBe(false);
    const quiet = (await run(['validate', '--seeds', seeds, '--quiet'])).lines;
    expect(listed(quiet, 'quality/ended-without-reason')).toBe(0);
    expect(quiet.some((l) => l.includes('省きました'))).toBe(false);
  });
});

describe('the texts of the command line', () => {
  it('has every text in both languages, the Japanese ones in Japanese', () => {
    expect(Object.keys(TEXTS.ja).sort()).toEqual(Object.keys(TEXTS.en).sort());
    for (const command of ['main', ...COMMANDS] as const) {
      expect(TEXTS.ja.help[command]).toMatch(/^使い方：/);
      expect(TEXTS.en.help[command]).toMatch(/^Usage: /);
    }
    expect(TEXTS.ja.summary({ draft: true, editions: [{ id: '2021', projects: 1, indicatorRows: 1 }], notBuilt: [], written: 1, errors: 1, warnings: 0, notes: 0, pending: 1, where: [], seconds: 1 })).toBe(
      '要約：未確認の下書き（公開不可）、1 版（2021：事業 1 件、評価指標 1 行）、書き出したファイル 1 個、エラー 1 件、警告 0 件、注記 0 件、確認待ちの指摘 1 件、1.0 秒',
    );
    expect(TEXTS.en.quality(1, 2, 1)).toBe('  quality: 1 error, 2 warnings, 1 note');
  });

  it('suggests the closest command or option within two edits, and nothing further away', () => {
    expect(closest('bulid', COMMANDS)).toBe('build');
    expect(closest('reveiw', COMMANDS)).toBe('review');
    expect(closest('frobnicate', COMMANDS)).toBeNull();
  });
});

describe('validate on a seeds folder that is not there', () => {
  it('says the check failed, not that a build failed', async () => {
    const { code, lines } = await run(['validate', '--seeds', join(ROOT, 'nope')]);
    expect(code).toBe(1);
    expect(lines.at(-2)).toBe('検査でエラーが見つかりました（エラー 1 件）');
    expect(lines.at(-1)).toMatch(/^要約：版なし、エラー 1 件、[\d.]+ 秒$/);
  });
});

describe('a text extracted otherwise', () => {
  it('asks for a new extraction instead of inviting the staff to accept the findings it causes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relayout-'));
    cpSync(join(seeds, '2021'), join(dir, '2021'), { recursive: true });
    const text = readdirSync(join(dir, '2021')).find((f) => f.endsWith('.txt'))!;
    const path = join(dir, '2021', text);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/ +$/gm, ''));
    const { code, lines } = await run(['validate', '--seeds', dir]);
    expect(code).toBe(1);
    expect(lines.some((l) => l.includes('エラー input/unfamiliar-layout'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('取り出し直し：2021：'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('確認待ち：'))).toBe(false);
  });
});

describe('usage errors read as Japanese, not as Node’s own text', () => {
  it('names an unknown option or a missing value in Japanese, and suggests the edition meant', async () => {
    expect((await run(['build', '--lang'])).lines[0]).toBe('エラー：--lang には値が要ります');
    expect((await run(['build', '--nope'])).lines[0]).toBe('エラー：--nope というオプションはありません');
    expect((await run(['diff', '2021', '2025', '--seeds', seeds])).lines).toEqual(['エラー：2025 という作れる版はありません（版：2021、2025-03）。2025-03 のことですか？']);
    expect(closest('2025', ['2021', '2025-03'])).toBe('2025-03');
  });
});

/** The terminal columns a line takes: full-width characters (漢字, かな, 全角記号) two, others one. */
function columnsOf(line: string): number {
  return [...line].reduce((n, ch) => n + (/[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]/u.test(ch) ? 2 : 1), 0);
}

describe('padEndColumns', () => {
  it('pads to terminal columns, a full-width character taking two, and never cuts', () => {
    expect(padEndColumns('全体', 10)).toBe('全体      ');
    expect(padEndColumns('2021', 10)).toBe('2021      ');
    expect(padEndColumns('csv（CSVの作成）', 20)).toBe('csv（CSVの作成）    ');
    expect(padEndColumns('とても長い名前です', 4)).toBe('とても長い名前です');
  });
});


describe('printJson', () => {
  it('prints the text JSON.stringify would, a few thousand lines at a time, never as one string', () => {
    const report = { ok: false, diagnostics: Array.from({ length: 20_000 }, (_, i) => ({ code: 'table/label-runs-on', line: i, message: `行 ${i} の「評価指標」` })), empty: [], written: ['/a', '/b'] };
    const lines: string[] = [];
    printJson(report, (line) => lines.push(line));
    expect(`${lines.join('\n')}\n`).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(lines.length).toBeGreaterThan(10);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(1 << 17);
  });

  it('prints the same text when the gathered text ends exactly at the print size', () => {
    // A JSON text of 65,535 characters and its final line end fill the 64 Ki characters gathered exactly.
    for (const size of [65_534, 65_535, 65_536]) {
      const value = { s: 'x'.repeat(size - JSON.stringify({ s: '' }, null, 2).length) };
      const lines: string[] = [];
      printJson(value, (line) => lines.push(line));
      expect(`${lines.join('\n')}\n`).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });

  it('prints a small report in one call', () => {
    const lines: string[] = [];
    printJson({ ok: true, stages: [] }, (line) => lines.push(line));
    expect(lines).toEqual([JSON.stringify({ ok: true, stages: [] }, null, 2)]);
  });
});
