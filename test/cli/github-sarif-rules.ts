/**
 * GitHub code scanning's rules for an uploaded SARIF file, beyond the schema (its "SARIF
 * support for code scanning" and "results exceed limit" pages): caps on runs, results,
 * rules, locations and tags; one run per tool and category; the properties GitHub reads
 * (ruleId, message.text, a physical location with a start line, partialFingerprints); URIs
 * relative to the repository root through a declared uriBaseId; security-severity a number
 * from 0 to 10 as a string. Returns every violation (empty: the upload would be accepted).
 */
export function githubSarifViolations(doc: unknown): string[] {
  const problems: string[] = [];
  const sarif = doc as {
    version?: string;
    runs?: {
      tool?: { driver?: { name?: string; rules?: Rule[] } };
      automationDetails?: { id?: string };
      originalUriBaseIds?: Record<string, { uri?: string }>;
      results?: Result[];
    }[];
  };
  if (sarif.version !== '2.1.0') problems.push('version must be 2.1.0');
  const runs = sarif.runs ?? [];
  if (runs.length === 0) problems.push('no runs');
  if (runs.length > 20) problems.push(`${runs.length} runs (GitHub accepts 20 per file)`);
  const categories = new Set<string>();
  runs.forEach((run, r) => {
    const driver = run.tool?.driver;
    if (!driver?.name) problems.push(`run ${r}: tool.driver.name is required`);
    const category = `${driver?.name ?? ''}\0${run.automationDetails?.id ?? ''}`;
    if (categories.has(category))
      problems.push(`run ${r}: a second run with the same tool and category`);
    categories.add(category);
    const rules = driver?.rules ?? [];
    if (rules.length > 25_000) problems.push(`run ${r}: over 25,000 rules`);
    for (const rule of rules) {
      const sev = rule.properties?.['security-severity'];
      if (typeof sev !== 'string' || !/^\d+(\.\d+)?$/.test(sev) || Number(sev) > 10)
        problems.push(`rule ${rule.id}: security-severity must be a string number 0–10`);
      if ((rule.properties?.tags?.length ?? 0) > 20) problems.push(`rule ${rule.id}: over 20 tags`);
      if (!rule.shortDescription?.text) problems.push(`rule ${rule.id}: no shortDescription`);
      if ((rule.shortDescription?.text.length ?? 0) > 1024)
        problems.push(`rule ${rule.id}: shortDescription over 1,024 characters`);
    }
    const results = run.results ?? [];
    if (results.length > 25_000) problems.push(`run ${r}: over 25,000 results`);
    results.forEach((res, i) => {
      const at = `run ${r} result ${i}`;
      if (!res.ruleId) problems.push(`${at}: no ruleId`);
      else if (!rules.some((x) => x.id === res.ruleId))
        problems.push(`${at}: rule ${res.ruleId} is not in tool.driver.rules`);
      if (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId)
        problems.push(`${at}: ruleIndex does not point at its rule`);
      if (!res.message?.text) problems.push(`${at}: no message.text`);
      if (!res.partialFingerprints || Object.keys(res.partialFingerprints).length === 0)
        problems.push(`${at}: no partialFingerprints`);
      const locations = res.locations ?? [];
      if (locations.length === 0 || locations.length > 1000)
        problems.push(`${at}: needs 1 to 1,000 locations`);
      for (const loc of locations) {
        const artifact = loc.physicalLocation?.artifactLocation;
        const uri = artifact?.uri ?? '';
        if (uri === '') problems.push(`${at}: no artifactLocation.uri`);
        if (
          /^[a-z][a-z0-9+.-]*:/i.test(uri) ||
          uri.startsWith('/') ||
          uri.split('/').includes('..')
        )
          problems.push(`${at}: uri ${uri} is not relative to the repository root`);
        const base = artifact?.uriBaseId;
        if (base !== undefined && run.originalUriBaseIds !== undefined) {
          const declared = run.originalUriBaseIds[base]?.uri;
          if (!declared?.startsWith('file:///') || !declared.endsWith('/'))
            problems.push(`${at}: uriBaseId ${base} is not declared as a file:// directory`);
        }
        if (!((loc.physicalLocation?.region?.startLine ?? 0) >= 1))
          problems.push(`${at}: region.startLine must be ≥ 1`);
      }
    });
  });
  return problems;
}

interface Rule {
  id: string;
  shortDescription?: { text: string };
  properties?: { 'security-severity'?: unknown; tags?: string[] };
}

interface Result {
  ruleId?: string;
  ruleIndex?: number;
  message?: { text?: string };
  partialFingerprints?: Record<string, string>;
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string; uriBaseId?: string };
      region?: { startLine?: number };
    };
  }[];
}
