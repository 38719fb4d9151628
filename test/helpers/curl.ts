// How a dry run's printed curl line looks, for exact expectations: the API
// key and a body with secrets come from one config on curl's stdin.

/** How a printed curl line takes the API key: from a config on its stdin, never its argv. */
export const AUTH = `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY"`;

/**
 * A dry run's line whose body holds secrets: the key and the body both come
 * from the config on curl's stdin. `body` is the body as a shell word (see
 * inConfig and secretVar).
 */
export function secretCurl(method: string, url: string, body: string): string {
  const config = `printf 'header = "Authorization: ApiKey %s"\\ndata-raw = "%s"\\n' "$ECE_API_KEY" ${body}`;
  return `${config} | curl -sS -g -K - -X ${method} ${url} -H 'Accept: application/json' -H 'User-Agent: UA' -H 'Content-Type: application/json'\n`;
}

/** Text of a body as it stands in a quoted string of curl's config, in single quotes. */
export const inConfig = (text: string) => `'${text.replace(/[\\"]/g, '\\$&')}'`;

/** A secret of a JSON body as the line fills it in: the variable, escaped by awk for JSON and config. */
export const secretVar = (name: string) =>
  `"$(printf %s "$${name}" | awk '{gsub(/[\\\\"]/, "\\\\\\\\&"); gsub(/[\\\\"]/, "\\\\\\\\&"); printf "%s%s", (NR > 1 ? "\\\\\\\\n" : ""), $0}')"`;
