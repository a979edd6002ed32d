import { REGIONS, type Language } from '../../shared/credential/index.ts';
import { html, type SafeHtml } from '../../shared/pages/index.ts';
import { TILE_LABELS } from './texts.ts';

/**
 * Where each of the 20 regions sits on the tile map: one tile per region, in a grid of 7 columns
 * and 5 rows placed roughly as the regions lie on the map of Kazakhstan (west to east, north to
 * south). The three cities of republican significance are circles in their own cells, beside or
 * below the region around them. docs/accounting.md ("The map") draws the same grid.
 */
export const TILE_LAYOUT: Readonly<Record<string, { col: number; row: number }>> = {
  'KZ-39': { col: 2, row: 0 }, // Kostanay
  'KZ-59': { col: 3, row: 0 }, // North Kazakhstan
  'KZ-55': { col: 4, row: 0 }, // Pavlodar
  'KZ-27': { col: 0, row: 1 }, // West Kazakhstan
  'KZ-15': { col: 1, row: 1 }, // Aktobe
  'KZ-62': { col: 2, row: 1 }, // Ulytau
  'KZ-11': { col: 3, row: 1 }, // Akmola
  'KZ-71': { col: 4, row: 1 }, // Astana (city)
  'KZ-10': { col: 5, row: 1 }, // Abai
  'KZ-63': { col: 6, row: 1 }, // East Kazakhstan
  'KZ-23': { col: 0, row: 2 }, // Atyrau
  'KZ-43': { col: 1, row: 2 }, // Kyzylorda
  'KZ-61': { col: 2, row: 2 }, // Turkistan
  'KZ-35': { col: 3, row: 2 }, // Karaganda (the empty cell east of it is Lake Balkhash)
  'KZ-33': { col: 5, row: 2 }, // Jetisu
  'KZ-47': { col: 0, row: 3 }, // Mangystau
  'KZ-79': { col: 2, row: 3 }, // Shymkent (city)
  'KZ-31': { col: 3, row: 3 }, // Jambyl
  'KZ-19': { col: 4, row: 3 }, // Almaty Region
  'KZ-75': { col: 4, row: 4 }, // Almaty (city)
};

const TILE = 100;
const PITCH = 104;
const COLUMNS = 7;
const ROWS = 5;
/** A line longer than this is squeezed to the tile's width rather than overflowing it. */
const LONGEST_LINE = 8;

/**
 * The map as plain SVG, drawn by the server with the names in the page's language. Each region is
 * a `<g data-region>` with one shape (a square, or a circle for a city), its name and an empty
 * value that the page script fills and colours from `/v1/stats`. Tiles take focus, so the figures
 * are there for a keyboard too.
 */
export function tileMapSvg(lang: Language, label: string): SafeHtml {
  const width = COLUMNS * PITCH - (PITCH - TILE);
  const height = ROWS * PITCH - (PITCH - TILE);
  return html`<svg id="region-map" class="tile-map" viewBox="0 0 ${width} ${height}" role="group" aria-label="${label}">
${REGIONS.map((region) => tile(region.code, region[lang], lang))}
</svg>`;
}

function tile(code: string, name: string, lang: Language): SafeHtml {
  const place = TILE_LAYOUT[code];
  if (!place) throw new Error(`${code} has no place on the tile map`);
  const x = place.col * PITCH;
  const y = place.row * PITCH;
  const city = REGIONS.find((r) => r.code === code)!.kind === 'city';
  const lines = TILE_LABELS[code]![lang].split('\n');
  const centre = x + TILE / 2;
  const shape = city
    ? html`<circle class="shape" cx="${centre}" cy="${y + TILE / 2}" r="${TILE / 2 - 3}"/>`
    : html`<rect class="shape" x="${x}" y="${y}" width="${TILE}" height="${TILE}" rx="8"/>`;
  const firstLine = y + (city ? 40 : 26) - (lines.length - 1) * 8;
  return html`<g class="tile${city ? ' city' : ''}" data-region="${code}" tabindex="0" aria-label="${name}">
<title>${name}</title>${shape}
<text class="name" x="${centre}" y="${firstLine}">${lines.map(
    (line, i) => html`<tspan x="${centre}" dy="${i === 0 ? 0 : 18}"${line.length > LONGEST_LINE ? html` textLength="${TILE - 8}" lengthAdjust="spacingAndGlyphs"` : ''}>${line}</tspan>`,
  )}</text>
<text class="value" x="${centre}" y="${y + (city ? 70 : 84)}"></text>
</g>`;
}
