import { badRequest, AppError, notFound } from "./errors";

const MAX_BYTES = 2 * 1024 * 1024;

/** Accepts only PNG, JPEG and WebP, judged by their first bytes, never by the declared type. */
function sniffImage(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (String.fromCharCode(...bytes.slice(0, 4)) === "RIFF" && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  return null;
}

export async function storeImage(bucket: R2Bucket, key: string, req: Request) {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_BYTES + 4096) throw new AppError(413, "too_large", "Images can be at most 2 MB.");
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string") throw badRequest("Attach an image as the form field 'file'.", "validation", "file");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > MAX_BYTES) throw new AppError(413, "too_large", "Images can be at most 2 MB.");
  const type = sniffImage(bytes);
  if (!type) throw badRequest("Use a PNG, JPEG or WebP image.", "unsupported_type", "file");
  await bucket.put(key, bytes, { httpMetadata: { contentType: type } });
}

/** Served as an image that cannot be turned into a page on the portal's origin. */
export async function serveImage(bucket: R2Bucket, key: string) {
  const obj = await bucket.get(key);
  if (!obj) throw notFound("Image");
  return new Response(obj.body, {
    headers: {
      "content-type": obj.httpMetadata?.contentType ?? "application/octet-stream",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=60",
    },
  });
}
