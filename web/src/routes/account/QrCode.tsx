import { encode } from "uqr";

/** A QR code drawn as one SVG path (no HTML strings). */
export function QrCode(props: { value: string; label: string }) {
  const qr = () => encode(props.value, { border: 2 });
  const path = () => {
    const d: string[] = [];
    qr().data.forEach((row, y) => row.forEach((on, x) => on && d.push(`M${x} ${y}h1v1h-1z`)));
    return d.join("");
  };
  return (
    <svg viewBox={`0 0 ${qr().size} ${qr().size}`} class="h-44 w-44 rounded border border-line bg-white" role="img" aria-label={props.label} shape-rendering="crispEdges">
      <path d={path()} fill="#000" />
    </svg>
  );
}
