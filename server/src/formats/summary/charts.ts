import { escapeHtml } from './escape';

/**
 * Charts as inline SVG: no script, no fonts or images fetched. Each is an image with a title and
 * a description that states its data in words; the page puts the same data in a table beside it.
 * Values are written as text on the chart, so nothing is told by colour alone.
 */

export interface Bar {
  label: string;
  value: number;
}

const BAR_COLOUR = '#1d70b8';
const TEXT_COLOUR = '#0b0c0c';
const GRID_COLOUR = '#505a5f';
const ROW = 30;
const LABEL_WIDTH = 190;
const BAR_SPACE = 250;
const VALUE_SPACE = 50;

function svgOpen(id: string, width: number, height: number, title: string, description: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, Helvetica, sans-serif" font-size="14">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`
  );
}

/** A horizontal bar chart: one labelled bar per entry, its value written at its end. */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 10;
  const width = LABEL_WIDTH + BAR_SPACE + VALUE_SPACE;
  const description = bars.map((bar) => `${bar.label}: ${bar.value}`).join('; ');
  const rows = bars.map((bar, i) => {
    const y = 5 + i * ROW;
    const length = Math.round((bar.value / max) * BAR_SPACE);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 19}" text-anchor="end" fill="${TEXT_COLOUR}">${escapeHtml(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${length}" height="${ROW - 8}" fill="${BAR_COLOUR}"/>` +
      `<text x="${LABEL_WIDTH + length + 6}" y="${y + 19}" fill="${TEXT_COLOUR}">${bar.value}</text>`
    );
  });
  return `${svgOpen(id, width, height, title, description)}<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="${GRID_COLOUR}"/>${rows.join('')}</svg>`;
}

export interface GridRow {
  label: string;
  /** How many reports in each column (year). */
  counts: readonly number[];
}

const CELL = 44;

/** A grid of themes (rows) by years (columns): a filled circle, with its count, where a theme appears in a year. */
export function yearGrid(id: string, title: string, years: readonly number[], rows: readonly GridRow[]): string {
  const width = LABEL_WIDTH + years.length * CELL + 10;
  const height = (rows.length + 1) * ROW + 10;
  const description = rows
    .map((row) => {
      const seen = years.flatMap((year, i) => (row.counts[i] > 0 ? [`${year} (${row.counts[i]})`] : []));
      return `${row.label}: ${seen.length > 0 ? seen.join(', ') : 'in no dated report'}`;
    })
    .join('; ');
  const header = years.map((year, i) => `<text x="${LABEL_WIDTH + i * CELL + CELL / 2}" y="${ROW - 8}" text-anchor="middle" fill="${TEXT_COLOUR}">${year}</text>`);
  const body = rows.map((row, r) => {
    const y = (r + 1) * ROW + 5;
    const cells = row.counts.map((count, i) => {
      const cx = LABEL_WIDTH + i * CELL + CELL / 2;
      if (count === 0) return `<circle cx="${cx}" cy="${y + 10}" r="3" fill="${GRID_COLOUR}"/>`;
      return `<circle cx="${cx}" cy="${y + 10}" r="11" fill="${BAR_COLOUR}"/><text x="${cx}" y="${y + 15}" text-anchor="middle" fill="#ffffff" font-weight="bold">${count}</text>`;
    });
    return `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end" fill="${TEXT_COLOUR}">${escapeHtml(row.label)}</text>${cells.join('')}`;
  });
  return `${svgOpen(id, width, height, title, description)}${header.join('')}${body.join('')}</svg>`;
}
