import { describe, expect, it } from 'vitest';
import { repostDifferences, ruleCatalog } from '../../pipeline/model/checkQuality.js';
import type { Project } from '../../pipeline/model/plan.js';

const base: Project = {
  id: '2-2-2',
  measureId: '2-2',
  name: '文書管理',
  listedName: '文書管理',
  status: 'active',
  repostOf: null,
  leadDepartments: [{ name: '文書法制課', printedName: '文書法制課' }],
  relatedDepartments: [],
  summary: '概要。',
  objective: '目指す。',
  initiatives: [],
  indicators: [
    {
      id: '2-2-2/1',
      name: '紙の削減量',
      printedName: '紙の削減量',
      targets: [{ fiscalYear: 2021, text: '１１万枚', value: 11, unit: '万枚', qualifier: null, per: null, span: null }],
      unplacedTexts: [],
      source: { startLine: 10, endLine: 10 },
    },
  ],
  indicatorRationale: '基に設定',
  endReason: null,
  printed: { name: '文書管理', listedName: '文書管理', summary: '概要。', objective: '目指す。', indicatorRationale: '基に設定', endReason: null },
  source: { sheet: { startLine: 1, endLine: 20 }, list: null },
};

describe('repostDifferences', () => {
  it('ignores ids, numbers and positions but reports changed content', () => {
    const repost: Project = { ...base, id: '2-3-2', measureId: '2-3', repostOf: '2-2-2', source: { sheet: { startLine: 50, endLine: 70 }, list: null } };
    repost.indicators = base.indicators.map((i) => ({ ...i, id: '2-3-2/1', source: { startLine: 60, endLine: 60 } }));
    expect(repostDifferences(repost, base)).toEqual([]);
    repost.indicators = [{ ...repost.indicators[0]!, targets: [{ ...repost.indicators[0]!.targets[0]!, text: null, value: null, unit: null }] }];
    repost.indicatorRationale = '別の考え方';
    expect(repostDifferences(repost, base)).toEqual(['indicatorRationale', 'indicators']);
  });
});

describe('ruleCatalog', () => {
  it('lists every rule with a severity and an "Expected …" description', () => {
    const rules = ruleCatalog();
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) {
      expect(rule.code).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/^Expected /);
    }
  });
});
