import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { VERSION } from '../../core/version';
import { GENERATOR } from './docx';
import { PAGE_CSS } from './html-style';
import type { ReportMetadata } from './read';

/** The profile laid out as panels, one per part, numbered in reading order. */
export const PANEL_PROFILE = 'seven-minute-briefing';

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

const text = (value: string) => ({ type: 'text' as const, value });

/**
 * The report as one self-contained, accessible web page: language and title set, a skip link to the
 * main landmark, headings as written, table headers with their scope, visible focus and print
 * styles. Raw HTML in the Markdown is left out, so nothing in a report runs in a reader's browser.
 * Images arrive as data: addresses, so the page needs nothing beside it.
 */
export function renderHtml(tree: Root, metadata: ReportMetadata): string {
  const body = toHast(tree, {
    footnoteLabel: 'Notes',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: {},
    footnoteBackLabel: (index, again) => `Back to reference ${index + 1}${again > 1 ? ` (${again})` : ''}`,
  }) as HastRoot;
  labelControls(body);
  const content = body.children.filter((node) => !(node.type === 'text' && node.value.trim() === '')) as ElementContent[];
  const notes = content.filter(isFootnotes);
  const main = content.filter((node) => !isFootnotes(node));
  const panelled = metadata.profile === PANEL_PROFILE && main.some((node) => isHeading(node, 2));
  const mainChildren = panelled ? [panels(main), ...notes] : [...main, ...notes];

  const page = element('html', { lang: metadata.language }, [
    element('head', {}, [
      element('meta', { charSet: 'utf-8' }, []),
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, []),
      element('meta', { name: 'generator', content: `${GENERATOR} ${VERSION}` }, []),
      ...(metadata.partnership ? [element('meta', { name: 'author', content: metadata.partnership }, [])] : []),
      element('title', {}, [text(metadata.title)]),
      element('style', {}, [text(PAGE_CSS)]),
    ]),
    element('body', panelled ? { className: ['briefing'] } : {}, [
      element('a', { className: ['skip-link'], href: '#content' }, [text('Skip to main content')]),
      ...(metadata.partnership ? [element('header', { className: ['masthead'] }, [element('p', {}, [text(metadata.partnership)])])] : []),
      element('main', { id: 'content', tabIndex: -1 }, mainChildren),
    ]),
  ]);
  return `<!doctype html>\n${toHtml({ type: 'root', children: [page] })}\n`;
}

function isHeading(node: ElementContent, depth: number): node is Element {
  return node.type === 'element' && node.tagName === `h${depth}`;
}

function isFootnotes(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'section' && 'dataFootnotes' in node.properties;
}

/** Header cells of a table's head row name their column, and a task's tick box says what it means, for screen readers. */
function labelControls(root: HastRoot | Element): void {
  for (const child of root.children as HastContent[]) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'th') child.properties.scope = 'col';
    if (child.tagName === 'input' && child.properties.type === 'checkbox') child.properties.ariaLabel = child.properties.checked ? 'Done' : 'Not done';
    labelControls(child);
  }
}

/**
 * The title cell (the H1 and anything before the first part), then one section per part (each H2
 * and what follows it) with its number. The grid places them in source order, so reading order,
 * tab order and the numbers agree; a narrow screen shows one column.
 */
function panels(nodes: ElementContent[]): Element {
  const title: ElementContent[] = [];
  const parts: ElementContent[][] = [];
  for (const node of nodes) {
    if (isHeading(node, 2)) parts.push([node]);
    else if (parts.length > 0) parts[parts.length - 1].push(node);
    else title.push(node);
  }
  const cells: Element[] = [];
  if (title.length > 0) cells.push(element('div', { className: ['briefing-title'] }, title));
  parts.forEach(([heading, ...rest], i) => {
    const id = `part-${i + 1}`;
    const h2 = heading as Element;
    // A part whose heading carries its own number ("3. Findings") shows that number once, in the badge.
    const own = h2.children[0]?.type === 'text' ? /^\s*(\d{1,2})[.):]?\s+/.exec(h2.children[0].value) : null;
    const headingChildren = own && h2.children[0].type === 'text'
      ? [{ ...h2.children[0], value: h2.children[0].value.slice(own[0].length) }, ...h2.children.slice(1)]
      : h2.children;
    const number = element('span', { className: ['panel-number'] }, [text(own ? own[1] : String(i + 1))]);
    cells.push(element('section', { className: ['panel'], ariaLabelledBy: [id] }, [
      element('h2', { ...h2.properties, id }, [number, text(' '), ...headingChildren]),
      ...rest,
    ]));
  });
  return element('div', { className: ['panels'] }, cells);
}
