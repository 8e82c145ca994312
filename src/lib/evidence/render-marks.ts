import { markRect, type Mark } from './marks';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws marks onto a photo already drawn on the context. Redactions are solid black and drawn
 * last, so nothing drawn afterwards can show through them.
 */
export function drawMarks(
	context: Context2D,
	marks: Mark[],
	size: { width: number; height: number }
) {
	const line = Math.max(4, Math.round(Math.max(size.width, size.height) / 200));
	context.save();
	context.lineWidth = line;
	context.lineCap = 'round';
	context.lineJoin = 'round';
	context.strokeStyle = '#ff1f1f';
	for (const mark of marks.filter((m) => m.kind !== 'redact')) {
		const rect = markRect(mark, size);
		context.beginPath();
		if (mark.kind === 'box') {
			context.strokeRect(rect.x, rect.y, rect.width, rect.height);
		} else if (mark.kind === 'circle') {
			context.ellipse(
				rect.x + rect.width / 2,
				rect.y + rect.height / 2,
				rect.width / 2,
				rect.height / 2,
				0,
				0,
				Math.PI * 2
			);
			context.stroke();
		} else {
			drawArrow(context, mark, size, line);
		}
	}
	context.fillStyle = '#000';
	for (const mark of marks.filter((m) => m.kind === 'redact')) {
		const rect = markRect(mark, size);
		context.fillRect(rect.x, rect.y, rect.width, rect.height);
	}
	context.restore();
}

function drawArrow(
	context: Context2D,
	mark: Mark,
	size: { width: number; height: number },
	line: number
) {
	const [x1, y1] = [mark.from.x * size.width, mark.from.y * size.height];
	const [x2, y2] = [mark.to.x * size.width, mark.to.y * size.height];
	const angle = Math.atan2(y2 - y1, x2 - x1);
	const head = line * 5;
	context.moveTo(x1, y1);
	context.lineTo(x2, y2);
	context.moveTo(
		x2 - head * Math.cos(angle - Math.PI / 6),
		y2 - head * Math.sin(angle - Math.PI / 6)
	);
	context.lineTo(x2, y2);
	context.lineTo(
		x2 - head * Math.cos(angle + Math.PI / 6),
		y2 - head * Math.sin(angle + Math.PI / 6)
	);
	context.stroke();
}
