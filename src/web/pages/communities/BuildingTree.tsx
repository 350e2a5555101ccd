/** The community's buildings and their units with household counts; choosing one filters the household list. */
import { Empty, Tree } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../../shared/schemas/households';

const ALL = 'all';

/** "3" → "3栋", while a building called "A座" or "商铺" keeps its name (as the server's room labels do). */
function nameLabel(t: TFunction, key: 'communities.buildingName' | 'communities.unitName', name: string): string {
  return /^[A-Za-z0-9]+$/.test(name) ? t(key, { name }) : name;
}

export interface TreeSelection {
  buildingId?: number;
  unitId?: number;
}

interface Props {
  buildings: Building[];
  selected: TreeSelection;
  onSelect: (selection: TreeSelection) => void;
}

export function BuildingTree({ buildings, selected, onSelect }: Props) {
  const { t } = useTranslation();
  if (buildings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('communities.noBuildings')} />;

  const total = buildings.reduce((sum, b) => sum + b.householdCount, 0);
  const treeData = [
    { key: ALL, title: t('communities.nodeCount', { label: t('communities.allBuildings'), count: total }) },
    ...buildings.map((building) => ({
      key: String(building.id),
      title: t('communities.nodeCount', { label: nameLabel(t, 'communities.buildingName', building.name), count: building.householdCount }),
      children: building.units.map((unit) => ({
        key: `${building.id}/${unit.id}`,
        title: t('communities.nodeCount', { label: nameLabel(t, 'communities.unitName', unit.name), count: unit.householdCount }),
      })),
    })),
  ];

  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      selectedKeys={[selected.unitId ? `${selected.buildingId}/${selected.unitId}` : selected.buildingId ? String(selected.buildingId) : ALL]}
      onSelect={(keys) => {
        const key = keys[0];
        if (key === undefined || key === ALL) return onSelect({});
        const [buildingId, unitId] = String(key).split('/').map(Number);
        onSelect({ buildingId, unitId });
      }}
      style={{ fontSize: 15 }}
      aria-label={t('communities.buildings')}
    />
  );
}
