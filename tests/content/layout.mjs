// jsdom lays nothing out: every element is 0 px tall, scrolling moves nothing
// and fires no scroll event, and elements have no scrollBy, scrollTo or
// scrollIntoView. The collect tests need a list that scrolls the way a
// browser's does, so this gives the page a crude block layout (children
// stacked, inline heights and paddings honoured, a line of text 24 px tall,
// an image 56 px) and browser-like scrolling: scrollTop clamped to the
// content, a scroll event after each change, the scrolling methods on
// elements and on the window, and document.scrollingElement. It is installed by the test harness only; the
// content script uses the standard APIs and cannot tell.

const LINE_PX = 24;
const IMAGE_PX = 56;
const NO_BOX = new Set(["head", "script", "style", "template", "title", "meta", "link"]);
const SCROLLING_OVERFLOW = /^(?:auto|scroll|overlay)$/;

/**
 * @param {import("jsdom").DOMWindow} window
 * @param {{ frameMs?: number }} [options] `frameMs`: how long a frame takes (a
 *   loaded machine's frames are slow while its timers keep running): a move's
 *   scroll event, then the animation frame callbacks, come in the next frame
 *   (default 0: the scroll event at once, animation frames at jsdom's 60 Hz)
 * @returns {{ scrolls: { method: string, element: Element, top: number }[] }}
 *   `scrolls` records every scrollBy, scrollTo and scrollIntoView call (the
 *   page's own clamping of scrollTop is not a call, so it is not recorded)
 */
export function installLayout(window, { frameMs = 0 } = {}) {
  const { document } = window;
  const root = () => document.documentElement;
  /** @type {WeakMap<Element, number>} */
  const offsets = new WeakMap();
  /** @type {Set<Element>} */
  const pendingScrollEvents = new Set();
  const scrolls = [];

  const px = (value) => {
    const number = Number.parseFloat(value ?? "");
    return Number.isFinite(number) ? number : 0;
  };
  const fixedHeight = (element) => {
    const height = element.style?.height ?? "";
    return height.endsWith("px") ? px(height) : null;
  };

  function boxHeight(element) {
    if (NO_BOX.has(element.localName) || element.hidden || element.style?.display === "none") {
      return 0;
    }
    return fixedHeight(element) ?? contentHeight(element);
  }

  function contentHeight(element) {
    const padding = px(element.style?.paddingTop) + px(element.style?.paddingBottom);
    if (element.localName === "img") return padding + IMAGE_PX;
    // Sibling pointers, not `children`: jsdom's HTMLCollection is a slow proxy.
    let child = element.firstElementChild;
    if (child === null) return padding + (element.textContent.trim() === "" ? 0 : LINE_PX);
    let height = padding;
    for (; child; child = child.nextElementSibling) height += boxHeight(child);
    return height;
  }

  const clientHeight = (element) =>
    element === root() ? window.innerHeight : (fixedHeight(element) ?? boxHeight(element));
  const scrollHeight = (element) =>
    element === root()
      ? Math.max(window.innerHeight, boxHeight(document.body))
      : Math.max(clientHeight(element), contentHeight(element));
  const maxScroll = (element) => Math.max(0, scrollHeight(element) - clientHeight(element));
  const scrollTopOf = (element) => Math.min(offsets.get(element) ?? 0, maxScroll(element));

  /** @param {Element} element */
  function fireScroll(element) {
    // The viewport's scroll event is fired at the document and bubbles to
    // the window; an element's does not bubble.
    if (element === root()) document.dispatchEvent(new window.Event("scroll", { bubbles: true }));
    else element.dispatchEvent(new window.Event("scroll"));
  }

  // Slow frames: a frame every `frameMs` fires the scroll events of the
  // moves since the last, then the animation frame callbacks requested
  // before it, in that order, as a browser's rendering step does.
  /** @type {Map<number, FrameRequestCallback>} */
  let frameCallbacks = new Map();
  let frameRequests = 0;
  let frameTimer = 0;
  function frame() {
    frameTimer = 0;
    const moved = [...pendingScrollEvents];
    pendingScrollEvents.clear();
    moved.forEach(fireScroll);
    const due = frameCallbacks;
    frameCallbacks = new Map();
    for (const callback of due.values()) callback(window.performance.now());
    if (pendingScrollEvents.size > 0 || frameCallbacks.size > 0) nextFrame();
  }
  function nextFrame() {
    if (!frameTimer) frameTimer = window.setTimeout(frame, frameMs);
  }
  if (frameMs > 0) {
    window.requestAnimationFrame = (callback) => {
      frameRequests += 1;
      frameCallbacks.set(frameRequests, callback);
      nextFrame();
      return frameRequests;
    };
    window.cancelAnimationFrame = (id) => {
      frameCallbacks.delete(id);
    };
  }

  function setScrollTop(element, value) {
    const top = Math.min(Math.max(0, Number(value) || 0), maxScroll(element));
    if (top === scrollTopOf(element)) return;
    offsets.set(element, top);
    // Browsers fire one scroll event per frame, after the move.
    if (pendingScrollEvents.has(element)) return;
    pendingScrollEvents.add(element);
    if (frameMs > 0) {
      nextFrame();
      return;
    }
    window.setTimeout(() => {
      pendingScrollEvents.delete(element);
      fireScroll(element);
    }, 0);
  }

  /** scrollBy(x, y) / scrollBy({ top }) and the same for scrollTo */
  const verticalArgument = (first, second, fallback) =>
    typeof first === "object" && first !== null ? (first.top ?? fallback) : Number(second ?? 0);

  function scrollerOf(element) {
    for (let node = element.parentElement; node && node !== root(); node = node.parentElement) {
      if (
        node !== document.body &&
        SCROLLING_OVERFLOW.test(window.getComputedStyle(node).overflowY)
      ) {
        return node;
      }
    }
    return root();
  }

  /** How far below the top of `scroller`'s content `element` starts. */
  function offsetWithin(element, scroller) {
    let top = 0;
    for (let node = element; node !== scroller && node.parentElement; node = node.parentElement) {
      top += px(node.parentElement.style?.paddingTop);
      for (
        let sibling = node.previousElementSibling;
        sibling;
        sibling = sibling.previousElementSibling
      ) {
        top += boxHeight(sibling);
      }
    }
    return top;
  }

  Object.defineProperties(window.Element.prototype, {
    clientHeight: {
      configurable: true,
      get() {
        return clientHeight(this);
      },
    },
    scrollHeight: {
      configurable: true,
      get() {
        return scrollHeight(this);
      },
    },
    scrollTop: {
      configurable: true,
      get() {
        return scrollTopOf(this);
      },
      set(value) {
        setScrollTop(this, value);
      },
    },
    scrollBy: {
      configurable: true,
      writable: true,
      value(first, second) {
        const top = verticalArgument(first, second, 0);
        scrolls.push({ method: "scrollBy", element: this, top });
        setScrollTop(this, scrollTopOf(this) + top);
      },
    },
    scrollTo: {
      configurable: true,
      writable: true,
      value(first, second) {
        const top = verticalArgument(first, second, scrollTopOf(this));
        scrolls.push({ method: "scrollTo", element: this, top });
        setScrollTop(this, top);
      },
    },
    scrollIntoView: {
      configurable: true,
      writable: true,
      // As block: "nearest": move the scroller only as far as needed.
      value() {
        const scroller = scrollerOf(this);
        const top = offsetWithin(this, scroller);
        const bottom = top + boxHeight(this);
        const shown = scrollTopOf(scroller);
        const height = clientHeight(scroller);
        scrolls.push({ method: "scrollIntoView", element: this, top });
        if (top < shown) setScrollTop(scroller, top);
        else if (bottom > shown + height) setScrollTop(scroller, bottom - height);
      },
    },
  });

  Object.defineProperty(document, "scrollingElement", { configurable: true, get: root });
  for (const name of ["scrollY", "pageYOffset"]) {
    Object.defineProperty(window, name, { configurable: true, get: () => scrollTopOf(root()) });
  }
  window.scrollBy = (first, second) => root().scrollBy(first, second);
  window.scrollTo = (first, second) => root().scrollTo(first, second);

  return { scrolls };
}
