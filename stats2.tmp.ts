import { generateDemoMunicipality } from './apps/api/src/core/database/seeds/demo-municipality.generator';
for (const employees of [400, 4000, 50000]) {
  const m = generateDemoMunicipality({ employees, seed: 2026, today: '2026-11-23' });
  const by: Record<string, number> = {};
  for (const u of m.orgUnits) by[u.levelType] = (by[u.levelType] ?? 0) + 1;
  console.log(employees, 'nodes', m.orgUnits.length, JSON.stringify(by));
  const pathOf = new Map(m.orgUnits.map((u) => [u.id, u]));
  const show = (pred: (u: (typeof m.orgUnits)[number]) => boolean, limit: number) => {
    let n = 0;
    for (const u of m.orgUnits) if (pred(u) && n++ < limit) console.log(u.code, '  '.repeat(u.path.split('.').length - 1) + u.name, '|', u.levelType, u.serviceType, u.headcount);
  };
  if (employees === 400) show(() => true, 40);
  if (employees === 4000) show((u) => u.code.startsWith('12') || u.code.startsWith('13') || u.code.startsWith('14') || u.code.startsWith('15'), 400);
  if (employees === 50000) {
    show((u) => u.levelType !== 'department' && u.levelType !== 'team' && !u.serviceType?.includes('kindergarten'), 120);
    show((u) => u.code.startsWith('19'), 80);
  }
  void pathOf;
}
