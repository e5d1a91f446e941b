/**
 * A figure of the page as a standalone picture: an SVG file, or a PNG at a
 * scale. Every function is handed the figure's element (an <svg>, a <canvas>,
 * or an HTML element that holds several of them with captions, such as a
 * `.widget`) and reads only it, its descendants and their computed styles.
 *
 * How: the picture is redrawn as one SVG in the figure's own layout pixels
 * (the stage's zoom undone). An <svg> is cloned with the computed styles that
 * matter written onto each element (CSS variables and themes resolved), a
 * <canvas> becomes an <image> of its pixels, and the HTML around them
 * (captions, legends, swatches, the values of fields) becomes <text> and
 * <rect> at the places the browser laid them out. Buttons, sliders and
 * anything marked `data-export="omit"` are left out. The PNG is that SVG
 * drawn onto a canvas `scale` times larger, so it is as sharp as the page
 * would be on a display of that pixel ratio.
 *
 * Limits: text keeps the page's fonts by name (the deck uses system fonts, so
 * the PNG and the SVG look as on screen); box shadows, gradients and CSS
 * transforms on HTML are not redrawn; KaTeX would come out as its glyphs in
 * KaTeX's fonts, which a viewer of the SVG may not have (no figure uses it).
 */

import {
  drawBox,
  drawFieldValue,
  drawMarker,
  drawText,
  isTransparent,
  isVisuallyHidden,
  place,
  round,
  SVG_NS,
  type Context,
} from './figureHtml';

const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** The attribute that keeps an element (and what it holds) out of a saved picture. */
export const OMIT_ATTRIBUTE = 'data-export';

/** What never goes into a picture: controls to press, and what is marked so. */
const OMITTED = `button, input[type="range"], input[type="checkbox"], input[type="radio"], progress, [${OMIT_ATTRIBUTE}="omit"]`;

/** A figure's size in CSS pixels, as laid out before any zoom of the stage. */
export interface FigureSize {
  width: number;
  height: number;
}

/**
 * The figure's layout size: its border box without the stage's transform. An
 * element in a scaled stage is drawn larger or smaller on screen; its picture
 * keeps the size the figure was designed at.
 */
export function figureSize(root: Element): FigureSize {
  const rect = root.getBoundingClientRect();
  const scale = layoutScale(root);
  return { width: rect.width / scale, height: rect.height / scale };
}

/** Screen pixels per layout pixel of `root` (the zoom of the stage it sits in). */
function layoutScale(root: Element): number {
  const rect = root.getBoundingClientRect();
  const width = root instanceof HTMLElement ? root.offsetWidth : root.clientWidth;
  return width > 0 && rect.width > 0 ? rect.width / width : 1;
}

/** The figure as the text of a standalone SVG file, at its layout size. */
export function figureToSvg(root: Element): string {
  return new XMLSerializer().serializeToString(figureToSvgElement(root));
}

/**
 * The figure as a PNG, `scale` times its layout size (2 for slides, 4 or more
 * for print), on the page's background colour.
 */
export async function figureToPng(root: Element, scale = 2): Promise<Blob> {
  const { width, height } = figureSize(root);
  return svgToPng(figureToSvg(root), width, height, scale);
}

/** An SVG text drawn `scale` times larger onto a canvas of width × height layout pixels, as a PNG. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the picture (no 2D canvas).');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The figure as an <svg> element of its own document, not attached to any page. */
export function figureToSvgElement(root: Element): SVGSVGElement {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  if (!view) throw new Error('The figure is not in a window.');
  const size = figureSize(root);
  const width = round(size.width);
  const height = round(size.height);
  const out = doc.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('xmlns:xlink', XLINK_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const label = root.getAttribute('aria-label');
  if (label) appendTitle(out, label);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundBehind(root, view));
  out.append(background);
  const origin = root.getBoundingClientRect();
  const context: Context = {
    doc,
    view,
    left: origin.left,
    top: origin.top,
    scale: layoutScale(root),
    metrics: new Map(),
  };
  draw(root, context, out);
  return out;
}

function draw(node: Node, c: Context, out: Element) {
  if (node.nodeType === Node.TEXT_NODE) {
    drawText(node as Text, c, out);
    return;
  }
  if (!(node instanceof Element) || node.matches(OMITTED)) return;
  const style = c.view.getComputedStyle(node);
  if (style.display === 'none' || isVisuallyHidden(node, style)) return;
  if (node instanceof SVGSVGElement) return void out.append(svgCopy(node, c));
  if (node instanceof SVGElement) return; // only whole <svg> elements are drawn
  if (node instanceof HTMLCanvasElement || node instanceof HTMLImageElement) {
    const image = rasterCopy(node, style, c);
    if (image) out.append(image);
    return;
  }
  if (style.visibility !== 'hidden') {
    drawBox(node, style, c, out);
    drawMarker(node, '::before', c, out);
  }
  if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement) {
    drawFieldValue(node, style, c, out);
    return;
  }
  // A closed <details> shows its summary only: its other content still has boxes, where it would open.
  const closed = node.localName === 'details' && !node.hasAttribute('open');
  for (const child of node.childNodes)
    if (!closed || (child instanceof Element && child.localName === 'summary')) draw(child, c, out);
  if (style.visibility !== 'hidden') drawMarker(node, '::after', c, out);
}

/** The first opaque background at or behind `el`, as the picture's own. */
function backgroundBehind(el: Element, view: Window): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const colour = view.getComputedStyle(e).backgroundColor;
    if (!isTransparent(colour)) return colour;
  }
  return '#ffffff';
}

// ---------------------------------------------------------------- SVG

/**
 * The presentation properties copied from the computed style onto each SVG
 * element, with the initial value that need not be written. Fonts go only on
 * text elements: elsewhere they change nothing.
 */
const SHAPE_PROPERTIES: Readonly<Record<string, string | null>> = {
  fill: null,
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  visibility: 'visible',
  'paint-order': 'normal',
  'shape-rendering': 'auto',
};
const TEXT_PROPERTIES: Readonly<Record<string, string | null>> = {
  ...SHAPE_PROPERTIES,
  'font-family': null,
  'font-size': null,
  'font-weight': '400',
  'font-style': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'letter-spacing': 'normal',
  'baseline-shift': '0px',
  'text-decoration-line': 'none',
};
const TEXT_TAGS = new Set(['text', 'tspan', 'textPath']);

/**
 * The `style` attribute that makes an SVG element look as computed, without
 * classes or CSS variables: each property that differs from its initial value.
 * `read` gives the computed value of a property (getComputedStyle's
 * getPropertyValue).
 */
export function inlineSvgStyle(
  tagName: string,
  read: (property: string) => string,
  parent?: { tagName: string; read: (property: string) => string },
): string {
  const properties = propertiesOf(tagName);
  // A property written on the parent need not be written again (every one here
  // is inherited, but opacity); fonts are written on text elements only.
  const written = parent ? propertiesOf(parent.tagName) : {};
  const declarations: string[] = [];
  for (const [property, initial] of Object.entries(properties)) {
    const value = read(property).trim();
    if (value === '' || value === initial) continue;
    if (parent && property !== 'opacity' && property in written) {
      if (parent.read(property).trim() === value) continue;
    }
    declarations.push(`${property}:${value}`);
  }
  return declarations.join(';');
}

const propertiesOf = (tagName: string) =>
  TEXT_TAGS.has(tagName) ? TEXT_PROPERTIES : SHAPE_PROPERTIES;

/** Attributes that serve the page (styling hooks, focus, scripts), not the picture. */
const PAGE_ATTRIBUTES = /^(class|style|tabindex|role|focusable|aria-.*|data-.*|on.*)$/;

/** A copy of an <svg> of the page with its look written onto it, placed where it sits in the figure. */
function svgCopy(svg: SVGSVGElement, c: Context): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, c.view);
  const at = place(svg.getBoundingClientRect(), c);
  const label = svg.getAttribute('aria-label');
  for (const name of ['x', 'y', 'width', 'height'] as const)
    copy.setAttribute(name, String(at[name]));
  if (!svg.hasAttribute('viewBox')) {
    const scale = at.width > 0 ? svg.clientWidth / at.width : 1;
    if (scale !== 1) copy.setAttribute('viewBox', `0 0 ${svg.clientWidth} ${svg.clientHeight}`);
  }
  const overflow = c.view.getComputedStyle(svg).overflow;
  if (overflow === 'visible') copy.setAttribute('overflow', 'visible');
  if (label) appendTitle(copy, label, true);
  return copy;
}

/** Walks an element and its copy side by side, writing the computed look onto the copy. */
function inlineStyles(
  original: Element,
  copy: Element,
  view: Window,
  parent?: { tagName: string; style: CSSStyleDeclaration },
) {
  const style = view.getComputedStyle(original);
  if (style.display === 'none') {
    copy.remove();
    return;
  }
  for (const attribute of [...copy.attributes]) {
    if (PAGE_ATTRIBUTES.test(attribute.name)) copy.removeAttribute(attribute.name);
  }
  const css = inlineSvgStyle(
    original.localName,
    (p) => style.getPropertyValue(p),
    parent && { tagName: parent.tagName, read: (p) => parent.style.getPropertyValue(p) },
  );
  if (css) copy.setAttribute('style', css);
  const originals = [...original.children];
  const copies = [...copy.children];
  originals.forEach((child, i) =>
    inlineStyles(child, copies[i]!, view, { tagName: original.localName, style }),
  );
}

function appendTitle(svg: Element, text: string, first = false) {
  const title = svg.ownerDocument.createElementNS(SVG_NS, 'title');
  title.textContent = text;
  if (first) svg.prepend(title);
  else svg.append(title);
}

// ---------------------------------------------------------------- raster

/** A <canvas> or <img> as an <image> of its pixels, or null when it has none. */
function rasterCopy(
  el: HTMLCanvasElement | HTMLImageElement,
  style: CSSStyleDeclaration,
  c: Context,
): SVGImageElement | null {
  const at = place(el.getBoundingClientRect(), c);
  let href: string;
  if (el instanceof HTMLCanvasElement) {
    if (el.width === 0 || el.height === 0) return null;
    href = el.toDataURL('image/png');
  } else {
    if (!el.complete || el.naturalWidth === 0) return null;
    const canvas = c.doc.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    canvas.getContext('2d')?.drawImage(el, 0, 0);
    href = canvas.toDataURL('image/png');
  }
  const image = c.doc.createElementNS(SVG_NS, 'image');
  for (const name of ['x', 'y', 'width', 'height'] as const)
    image.setAttribute(name, String(at[name]));
  image.setAttribute('preserveAspectRatio', 'none');
  image.setAttributeNS(XLINK_NS, 'xlink:href', href);
  // Pixel-art images (the race's digits) stay sharp blocks when enlarged.
  if (style.imageRendering === 'pixelated' || style.imageRendering === 'crisp-edges') {
    image.setAttribute('style', 'image-rendering:pixelated');
  }
  const label = el.getAttribute('aria-label');
  if (label) appendTitle(image, label);
  return image;
}
