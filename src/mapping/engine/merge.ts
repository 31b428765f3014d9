import {
  isHierarchyRule,
  isLoopRule,
  ruleId,
  type HierarchyRule,
  type LoopRule,
  type MappingFile,
  type Rule,
} from './mapping-schema.js';

/**
 * Layers mapping files, base first: later files change only what they name. Tables merge code by
 * code; rules are matched by id at the same level — a matched rule takes the override's
 * properties (its `fields` replace the base's), loop bodies and hierarchy levels merge rule by
 * rule, `remove: true` drops a rule, and a new rule goes after the rule its `after` names, or last.
 */
export function mergeMappingFiles(files: readonly MappingFile[]): MappingFile {
  let merged: MappingFile = {};
  for (const file of files) {
    const tables: Record<string, Record<string, string>> = { ...merged.tables };
    for (const [name, table] of Object.entries(file.tables ?? {}))
      tables[name] = { ...tables[name], ...table };
    merged = {
      ...merged,
      ...(file.set ? { set: file.set } : {}),
      ...(file.version ? { version: file.version } : {}),
      ...(file.document ? { document: file.document } : {}),
      tables,
      defaults: { ...merged.defaults, ...file.defaults },
      body: file.body ? mergeRules(merged.body ?? [], file.body) : merged.body,
    };
  }
  return merged;
}

export function mergeRules(base: readonly Rule[], changes: readonly Rule[]): Rule[] {
  const out = [...base];
  for (const change of changes) {
    const id = ruleId(change);
    const at = out.findIndex((r) => ruleId(r) === id);
    if (change.remove) {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) {
      out[at] = mergeRule(out[at] as Rule, change);
      continue;
    }
    const after = change.after === undefined ? -1 : out.findIndex((r) => ruleId(r) === change.after);
    out.splice(
      after >= 0 ? after + 1 : out.length,
      0,
      isLoopRule(change) ? { ...change, body: change.body ?? [] } : change,
    );
  }
  return out;
}

function mergeRule(base: Rule, change: Rule): Rule {
  // A segment that became a loop in a later version (TD3 in the 005010 856) is replaced, not mixed.
  if (isLoopRule(base) !== isLoopRule(change) || isHierarchyRule(base) !== isHierarchyRule(change))
    return change;
  if (isLoopRule(base) && isLoopRule(change)) {
    return { ...base, ...change, body: mergeRules(base.body, change.body ?? []) } satisfies LoopRule;
  }
  if (isHierarchyRule(base) && isHierarchyRule(change)) {
    const levels = { ...base.levels };
    for (const [code, level] of Object.entries(change.levels)) {
      const old = levels[code];
      levels[code] = old ? { ...old, ...level, body: mergeRules(old.body, level.body) } : level;
    }
    return { ...base, ...change, levels } satisfies HierarchyRule;
  }
  return { ...base, ...change };
}
