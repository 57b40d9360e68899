"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachLaneInput = attachLaneInput;
exports.keyAction = keyAction;
exports.attachMinimapInput = attachMinimapInput;
/// <reference lib="dom" />
const CLICK_SLOP_PX = 4;
function attachLaneInput(canvas, gestures, wheelFactor) {
    const local = (event) => {
        const box = canvas.getBoundingClientRect();
        return { x: event.clientX - box.left, y: event.clientY - box.top };
    };
    canvas.addEventListener('wheel', (event) => {
        event.preventDefault();
        const { x } = local(event);
        // A horizontal swipe or shift+wheel pans; a vertical wheel zooms around the pointer.
        if (Math.abs(event.deltaX) > Math.abs(event.deltaY))
            gestures.panPixels(-event.deltaX);
        else if (event.shiftKey)
            gestures.panPixels(-event.deltaY);
        else
            gestures.zoomAt(wheelFactor(event.deltaY * (event.deltaMode === 1 ? 20 : 1)), x);
    }, { passive: false });
    let press;
    canvas.addEventListener('pointerdown', (event) => {
        if (event.button !== 0)
            return;
        const { x, y } = local(event);
        press = { x, y, lastX: x, moved: false, brushing: event.shiftKey };
        canvas.setPointerCapture(event.pointerId);
        canvas.focus();
    });
    canvas.addEventListener('pointermove', (event) => {
        const { x, y } = local(event);
        if (!press) {
            gestures.hover(x, y);
            return;
        }
        if (!press.moved && Math.abs(x - press.x) + Math.abs(y - press.y) >= CLICK_SLOP_PX) {
            press.moved = true;
            if (!press.brushing)
                gestures.dragging(true);
            gestures.leave();
        }
        if (press.moved && press.brushing) {
            gestures.brush(press.x, x, false);
        }
        else if (press.moved) {
            gestures.panPixels(x - press.lastX);
            press.lastX = x;
        }
    });
    const release = (event, cancelled) => {
        if (!press)
            return;
        const wasClick = !press.moved && !cancelled;
        if (press.moved && press.brushing)
            gestures.brush(press.x, cancelled ? press.x : local(event).x, true);
        else if (press.moved)
            gestures.dragging(false);
        press = undefined;
        if (canvas.hasPointerCapture(event.pointerId))
            canvas.releasePointerCapture(event.pointerId);
        if (wasClick) {
            const { x, y } = local(event);
            gestures.click(x, y);
        }
    };
    canvas.addEventListener('pointerup', (event) => release(event, false));
    canvas.addEventListener('pointercancel', (event) => release(event, true));
    canvas.addEventListener('pointerleave', () => {
        if (!press)
            gestures.leave();
    });
    canvas.addEventListener('dblclick', (event) => {
        const { x, y } = local(event);
        gestures.doubleClick(x, y);
    });
    canvas.addEventListener('keydown', (event) => {
        const action = keyAction(event.key);
        if (!action)
            return;
        event.preventDefault();
        gestures.key(action);
    });
}
function keyAction(key) {
    switch (key) {
        case '+':
        case '=':
            return 'zoomIn';
        case '-':
        case '_':
            return 'zoomOut';
        case 'ArrowLeft':
            return 'left';
        case 'ArrowRight':
            return 'right';
        case 'Home':
            return 'home';
        case 'End':
            return 'end';
        case 'f':
        case 'F':
        case '0':
            return 'fit';
        case 'Escape':
            return 'clear';
        case 'n':
        case 'N':
        case ']':
            return 'next';
        case 'p':
        case 'P':
        case '[':
            return 'previous';
        default:
            return undefined;
    }
}
/** The overview: press-and-drag selects a range, a click centres the view there. */
function attachMinimapInput(canvas, onBrush) {
    let start;
    const localX = (event) => event.clientX - canvas.getBoundingClientRect().left;
    canvas.addEventListener('pointerdown', (event) => {
        start = localX(event);
        canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', (event) => {
        if (start === undefined)
            return;
        const x = localX(event);
        if (Math.abs(x - start) >= CLICK_SLOP_PX)
            onBrush(Math.min(start, x), Math.max(start, x), false);
    });
    canvas.addEventListener('pointerup', (event) => {
        if (start === undefined)
            return;
        const x = localX(event);
        onBrush(Math.min(start, x), Math.max(start, x), Math.abs(x - start) < CLICK_SLOP_PX);
        start = undefined;
    });
}
//# sourceMappingURL=pointerInput.js.map