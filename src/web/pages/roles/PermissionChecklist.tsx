/** Permissions as checkbox groups by `group`, with translated labels. A controlled Form input. */
import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermissionInfo } from '../../api/roles';

interface Props {
  catalogue: PermissionInfo[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

export function groupPermissions(catalogue: PermissionInfo[]): [string, PermissionInfo[]][] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const item of catalogue) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return [...groups.entries()];
}

export function PermissionChecklist({ catalogue, value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {groupPermissions(catalogue).map(([group, items]) => {
        const keys = items.map((i) => i.key);
        const checked = keys.filter((k) => value.includes(k));
        return (
          <div key={group}>
            <Typography.Text strong>{t(`permissions.groups.${group}`, { defaultValue: group })}</Typography.Text>
            <Checkbox.Group
              disabled={disabled}
              value={checked}
              onChange={(next) => onChange?.([...value.filter((k) => !keys.includes(k)), ...(next as string[])])}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
              options={items.map((i) => ({
                value: i.key,
                label: t(`permissions.keys.${i.key.replace('.', '_')}`, { defaultValue: i.key }),
              }))}
            />
          </div>
        );
      })}
    </Flex>
  );
}
