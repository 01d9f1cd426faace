// The demo portal: professional plan, a small company with Sales and Development.
import { hashPassword } from "./hash.mjs";

export const DEMO_PASSWORD = "kontor-demo";
export const DEMO_TENANT_ID = "demo-tenant";

const q = (v) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

const departments = [
  { id: "dep-root", name: "Demo Company", parent: null, head: "u-admin", sort: 0 },
  { id: "dep-sales", name: "Sales", parent: "dep-root", head: "u-sales-head", sort: 1 },
  { id: "dep-dev", name: "Development", parent: "dep-root", head: "u-dev-lead", sort: 2 },
  { id: "dep-marketing", name: "Marketing", parent: "dep-root", head: null, sort: 3 },
];

export const DEMO_USERS = [
  { id: "u-admin", email: "admin@demo.test", name: "Anna Admin", position: "Managing Director", role: "admin", dep: "dep-root" },
  { id: "u-sales-head", email: "sales.head@demo.test", name: "Sam Seller", position: "Head of Sales", role: "employee", dep: "dep-sales" },
  { id: "u-sales-rep", email: "sales.rep@demo.test", name: "Rita Reps", position: "Sales Representative", role: "employee", dep: "dep-sales" },
  { id: "u-dev", email: "dev@demo.test", name: "Dave Coder", position: "Software Developer", role: "employee", dep: "dep-dev" },
  { id: "u-dev-lead", email: "dev.lead@demo.test", name: "Lena Lead", position: "Head of Development", role: "employee", dep: "dep-dev" },
  { id: "u-marketing", email: "marketing@demo.test", name: "Max Market", position: "Marketing Manager", role: "employee", dep: "dep-marketing" },
];

export function controlSql(now) {
  const settings = JSON.stringify({ contactEmail: "admin@demo.test", timeZone: "Europe/Berlin", defaultLanguage: "en" });
  return `INSERT OR IGNORE INTO tenants (id, slug, name, plan, shard, status, settings, created_at) VALUES (${q(DEMO_TENANT_ID)}, 'demo', 'Demo Company', 'professional', 0, 'active', ${q(settings)}, ${q(now)});\n`;
}

export function shardSql(now) {
  const t = q(DEMO_TENANT_ID);
  let sql = "";
  for (const d of departments) {
    sql += `INSERT OR IGNORE INTO departments (tenant_id, id, name, parent_id, head_user_id, sort, created_at) VALUES (${t}, ${q(d.id)}, ${q(d.name)}, ${q(d.parent)}, ${q(d.head)}, ${d.sort}, ${q(now)});\n`;
  }
  DEMO_USERS.forEach((u, i) => {
    const seat = new Date(Date.parse(now) + i).toISOString();
    sql += `INSERT OR IGNORE INTO users (tenant_id, id, email, name, position, password_hash, role, status, email_confirmed, language, time_zone, department_id, business_user, seat_granted_at, created_at) VALUES (${t}, ${q(u.id)}, ${q(u.email)}, ${q(u.name)}, ${q(u.position)}, ${q(hashPassword(DEMO_PASSWORD))}, ${q(u.role)}, 'active', 1, 'en', 'Europe/Berlin', ${q(u.dep)}, 1, ${q(seat)}, ${q(now)});\n`;
  });
  return sql;
}
