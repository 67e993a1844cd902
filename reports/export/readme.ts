// The README written into every export folder: what is there, how to read it, how to cite it, whose texts.

const CSV_NOTE = `, with a header row; a list is one cell of its values joined by ; (a;b). A text cell that starts with =, +, -, @, TAB
or CR is written with a leading ' so that a spreadsheet shows it instead of running it as a formula (numeric
columns are written as plain numbers, negative ones included)`;

export function exportReadme(
  o: { format: string; since?: string; until?: string },
  rows: Record<string, number>,
): string {
  const how =
    o.format === 'parquet'
      ? `Each table is a folder of Parquet files partitioned hive-style by \`year\` and \`month\` (\`year=NULL\` holds rows
without a date). DuckDB: \`SELECT * FROM read_parquet('incidents/**/*.parquet', hive_partitioning = true)\`;
Spark: \`spark.read.parquet("incidents")\`; Trino/Hive: an external table partitioned by (year, month).`
      : o.format === 'stix'
        ? `\`bundle.json\` is one STIX 2.1 bundle: identities (victims, with sectors, and Triage itself), intrusion sets
(groups, with aliases), incidents, reports (the articles, with their URLs as external references), locations
and the relationships between them. IDs are UUIDv5 from Triage's own hash IDs, so a new export of the same data
gives the same IDs. Every object carries the TLP marking (\`--tlp\`, a STIX 2.1 TLP marking-definition);
Triage's details (an incident's status, attack types, dates, ransom figures, records, downtime; a victim's
sector; an article's doc_id) sit in a property extension declared by the bundle's \`extension-definition\`.
An incident is \`related-to\` its victim and group (STIX 2.1 defines no incident relationship of its own); a group
\`targets\` its victims, a victim is \`located-at\` its country.`
        : `One file per table (\`.${o.format}\`), UTF-8${o.format === 'csv' ? CSV_NOTE : ', one JSON object per line'}.`;
  return `# Triage export

Format: ${o.format}. Dates: ${o.since ?? 'any'} to ${o.until ?? 'any'} (incidents by attack date, else first report;
articles and claims by publication date).

${how}

| ${o.format === 'stix' ? 'object type' : 'table'} | rows |
|---|---|
${Object.entries(rows)
  .map(([k, v]) => `| ${k} | ${v} |`)
  .join('\n')}
${o.format === 'stix' ? '' : '\n`DATA_DICTIONARY.md` (and `data-dictionary.json`) describes every column; `incident.schema.json` the incident record.\n'}
\`MANIFEST.json\` lists every file this export wrote, with its SHA-256 (\`sha256sum\` of each file gives the same),
and says when, by which versions and from which catalogue the export was made. A new export replaces this folder only
while it holds exactly those files, unchanged: add your own files elsewhere.

## Caveats

Incidents are resolved automatically from news reports. Figures marked \`hedged\` or \`disputed\`, and the
\`status\` of each incident, say how sure the reporting was: these are reported claims, not verified facts.

## Citation and licence

Cite the dataset as \`CITATION.cff\` says: *Triage healthcare cyber-incident dataset*, with the export date, the
Triage and extractor versions and the catalogue hash recorded in \`MANIFEST.json\` (\`exported_at\`,
\`triage_version\`, \`extractor_version\`, \`catalogue_sha256\`, \`rows\`), and the date range above. The incident data (fields, IDs, links) may be reused with that
citation. Article texts and titles belong to their publishers: they are included for research (text and data
mining) only; do not republish them, and cite the outlet and URL of any article you quote.
`;
}
