// The mock site's HTML pieces: escaping, JSON inside a page, counts as
// LinkedIn writes them, paths and slugs, and the pages' shared stylesheet.

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` can
 * close the element (a name like `</script><script>...` stays inside), and
 * U+2028/U+2029 cannot break older parsers. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** 1234 -> "1,234", the way LinkedIn shows exact counts in English. */
export function formatCount(value) {
  return value.toLocaleString("en-US");
}

/** 3456 -> "3.4K", 1234567 -> "1.2M": truncated, never rounded up past the real figure. */
export function abbreviateCount(value) {
  const shorten = (scaled, suffix) =>
    `${scaled >= 100 ? Math.floor(scaled) : Math.floor(scaled * 10) / 10}${suffix}`;
  if (value < 1000) return String(value);
  if (value < 1_000_000) return shorten(value / 1000, "K");
  return shorten(value / 1_000_000, "M");
}

export function normalisedPath(pathname) {
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

export function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function titleCase(slug) {
  return slug
    .replace(/-[0-9a-f]{6,}$/i, "")
    .split("-")
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(" ");
}

export const STYLE = `
body { margin: 0; font-family: system-ui, sans-serif; background: #f4f2ee; color: #191919; }
.global-nav { background: #fff; border-bottom: 1px solid #ddd; }
.global-nav ul { display: flex; gap: 24px; list-style: none; margin: 0 auto; max-width: 960px; padding: 12px 16px; }
main { max-width: 960px; margin: 16px auto; padding: 0 16px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.artdeco-card, section { background: #fff; border-radius: 8px; margin-bottom: 12px; padding: 12px 16px; }
ul { padding-left: 0; list-style: none; }
li.mn-connection-card { display: flex; gap: 12px; align-items: center; padding: 12px 0; border-bottom: 1px solid #eee; }
.mn-connection-card__link { display: flex; flex-direction: column; flex: 1; color: inherit; text-decoration: none; }
img { width: 56px; height: 56px; border-radius: 50%; background: #ccc; }
[componentkey^="ConnectionCard_"] { box-sizing: border-box; display: flex; gap: 12px; align-items: center; }
`;
