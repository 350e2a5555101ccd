/**
 * Plausible households and residents for the demo company: a 1,200-household estate, a 300-household
 * estate and a commercial complex with 80 merchants. Deterministic (seeded), so every demo looks the same.
 */
import type { Insertable } from 'kysely';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import type { ResidentsTable } from '../db/schema.js';
import { householdSortKey } from '../households/room.js';
import { inChunks, random } from './demo-util.js';
import { shanghaiDate } from '../../shared/shanghai.js';
import { unscoped } from '../scope.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕晓东文博子涵雨轩欣怡浩然梓萱一诺思远宇航佳怡俊杰晨曦雅婷嘉豪';
const SHOPS = ['咖啡', '便利店', '理发店', '药房', '面包房', '火锅店', '奶茶店', '眼镜店', '花店', '干洗店', '书店', '健身房', '茶叶店', '数码店', '母婴店', '烘焙坊'];

interface Layout {
  communityId: number;
  buildings: string[];
  units: string[] | null;
  floors: number;
  roomsPerFloor: number;
  commercial: boolean;
}

export async function seedDemoRoster(db: Db, companyId: number, layouts: Layout[]): Promise<void> {
  const rnd = random(20261127);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  const name = () => pick<string>(SURNAMES) + pick<string>(GIVEN) + (rnd() < 0.6 ? pick<string>(GIVEN) : '');
  const mobile = () => `+861${pick(['3', '5', '8', '9'])}${Math.floor(rnd() * 1e9).toString().padStart(9, '0')}`;
  // Move-ins up to a month before the server's today, never in its future.
  const latest = now() - 30 * 86_400_000;
  const date = (fromYear: number) => shanghaiDate(Date.UTC(fromYear, 0, 1) + Math.floor(rnd() * (latest - Date.UTC(fromYear, 0, 1))));
  const stamp = nowIso();
  const tags = await unscoped(db, 'demo seeding: the demo company\'s own data').selectFrom('tags').select(['id', 'name']).where('company_id', '=', companyId).execute();

  for (const layout of layouts) {
    await db.transaction().execute(async (trx) => {
      const residents: Insertable<ResidentsTable>[] = [];
      const phones: string[] = [];
      const tagged: (number | null)[] = [];
      for (const b of layout.buildings) {
        const { id: buildingId } = await trx
          .insertInto('buildings')
          .values({ company_id: companyId, community_id: layout.communityId, name: b, created_at: stamp })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const u of layout.units ?? [null]) {
          const unitId = u
            ? (await trx.insertInto('units').values({ company_id: companyId, community_id: layout.communityId, building_id: buildingId, name: u, created_at: stamp }).returning('id').executeTakeFirstOrThrow()).id
            : null;
          const rooms = [];
          for (let f = 1; f <= layout.floors; f++) for (let r = 1; r <= layout.roomsPerFloor; r++) rooms.push(`${f}${String(r).padStart(2, '0')}`);
          const households = await unscoped(trx, 'demo seeding: the demo company\'s own data')
            .insertInto('households')
            .values(
              rooms.map((room) => ({
                company_id: companyId,
                community_id: layout.communityId,
                building_id: buildingId,
                unit_id: unitId,
                room,
                sort_key: householdSortKey(b, u, room),
                area: layout.commercial ? 40 + Math.round(rnd() * 160) : 60 + Math.round(rnd() * 90),
                status: (layout.commercial ? 'occupied' : rnd() < 0.06 ? 'vacant' : rnd() < 0.15 ? 'let' : 'occupied') as 'vacant' | 'let' | 'occupied',
                created_at: stamp,
                updated_at: stamp,
              })),
            )
            .returning(['id', 'status'])
            .execute();
          for (const h of households.filter((x) => x.status !== 'vacant')) {
            const people: { role: 'owner' | 'tenant' | 'merchant'; notes: string }[] = layout.commercial
              ? [{ role: 'merchant', notes: `${pick(SURNAMES)}记${pick(SHOPS)}` }]
              : [{ role: 'owner', notes: '' }, ...(rnd() < 0.3 ? [{ role: 'owner' as const, notes: '' }] : []), ...(h.status === 'let' ? [{ role: 'tenant' as const, notes: '' }] : [])];
            for (const person of people) {
              residents.push({
                company_id: companyId,
                community_id: layout.communityId,
                household_id: h.id,
                name: name(),
                role: person.role,
                move_in_date: date(layout.commercial ? 2018 : 2008),
                move_out_date: null,
                preferred_contact: rnd() < 0.2 ? 'wechat' : 'phone',
                do_not_contact: rnd() < 0.01 ? 1 : 0,
                do_not_contact_reason: null,
                notes: person.notes,
                erased_at: null,
                created_at: stamp,
                updated_at: stamp,
              });
              const number = mobile();
              phones.push(number);
              tagged.push(rnd() < 0.06 ? pick(tags).id : null);
            }
          }
        }
      }
      // Residents, their phones and tags go in a few multi-row statements per community.
      const ids = await inChunks(residents, (chunk) => unscoped(trx, 'demo seeding: the demo company\'s own data').insertInto('residents').values(chunk).returning('id').execute());
      const phoneRows = ids.map(({ id }, i) => ({ resident_id: id, company_id: companyId, number: phones[i], kind: 'mobile' as const, last4: phones[i].slice(-4), position: 0 }));
      await inChunks(phoneRows, (chunk) => trx.insertInto('resident_phones').values(chunk).execute());
      const tagRows = ids.flatMap(({ id }, i) => (tagged[i] === null ? [] : [{ resident_id: id, tag_id: tagged[i]! }]));
      await inChunks(tagRows, (chunk) => trx.insertInto('resident_tags').values(chunk).execute());
    });
  }
}
