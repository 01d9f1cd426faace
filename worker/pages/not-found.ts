/** The page an unknown host or path gets (PORTAL-2): plain, localized, no portal data. */
export function notFoundPage(acceptLanguage: string): string {
  const de = /^de\b/i.test(acceptLanguage);
  const title = de ? "Hier gibt es kein Portal" : "There is no portal here";
  const text = de
    ? "Prüfen Sie die Adresse. Ein neues Kontor-Portal können Sie auf der Startseite anlegen."
    : "Check the address. You can create a new Kontor portal on the home page.";
  return `<!doctype html><html lang="${de ? "de" : "en"}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>404 · Kontor</title>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f8fafc;color:#0f172a}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.5rem}</style>
<main><p style="font-size:3rem;margin:0">404</p><h1>${title}</h1><p>${text}</p></main></html>`;
}
