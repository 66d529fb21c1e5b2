/** `yaml\`…\`` dedents a template literal so YAML cases stay readable; the first blank line is dropped. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  return dedent(strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), ''))
}

/** What `yaml` does to its text: drop the first blank line and a blank last line, then the common indentation. */
export function dedent(text: string): string {
  text = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n')
  const lines = text.split('\n')
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length)
  const min = indents.length ? Math.min(...indents) : 0
  return lines.map((l) => l.slice(Math.min(min, /^ */.exec(l)![0].length))).join('\n')
}
