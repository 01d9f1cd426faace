import { createSignal } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { emailSchema, nameSchema, passwordSchema, slugSchema } from "../../../../worker/modules/portal/schemas";
import { locale, t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { AuthLayout } from "../public/AuthLayout";
import { Brand } from "./Brand";

/** A subdomain suggestion from the company name: "Müller & Söhne GmbH" → "muller-sohne-gmbh". */
export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** PORTAL-1: company, address, admin e-mail and password; then a confirmation link by mail. */
export function SignUp() {
  const navigate = useNavigate();
  const [slugEdited, setSlugEdited] = createSignal(false);
  const form = createForm({ company: "", subdomain: "", name: "", email: "", password: "" }, (v) => ({
    company: fieldError(nameSchema, v.company),
    name: fieldError(nameSchema, v.name),
    subdomain: fieldError(slugSchema, v.subdomain, t("validation.slug")),
    email: fieldError(emailSchema, v.email),
    password: fieldError(passwordSchema, v.password),
  }));
  const company = form.bind("company");
  const subdomain = form.bind("subdomain");
  const companyField = { ...company, onInput: (v: string) => (company.onInput(v), slugEdited() || form.setValues("subdomain", slugify(v))) };
  const subdomainField = { ...subdomain, onInput: (v: string) => (setSlugEdited(true), subdomain.onInput(v.toLowerCase())) };
  const address = () => `${location.protocol}//${form.values.subdomain || t("signup.yourCompany")}.${location.host}`;

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const r = await call(
        api.portals.$post({
          json: { company: v.company.trim(), subdomain: v.subdomain.trim(), name: v.name.trim(), email: v.email.trim(), password: v.password, language: locale() },
        }),
      );
      navigate(`/check-mail?email=${encodeURIComponent(v.email.trim())}&url=${encodeURIComponent(r.portal.url)}`);
    });
  };

  return (
    <AuthLayout title={t("signup.title")} subtitle={t("signup.subtitle")} wide brand={<Brand />}>
      <form onSubmit={submit} class="space-y-4" novalidate data-testid="signup-form">
        <FormError message={form.errors.form} />
        <Field label={t("signup.company")} field={companyField} autocomplete="organization" autofocus />
        <Field
          label={t("signup.subdomain")}
          field={subdomainField}
          autocapitalize="off"
          spellcheck={false}
          hint={
            <span>
              {t("signup.addressPreview")}{" "}
              <span class="font-medium text-fg" data-testid="address-preview">
                {address()}
              </span>
            </span>
          }
        />
        <Field label={t("signup.name")} field={form.bind("name")} autocomplete="name" />
        <Field label={t("signup.email")} field={form.bind("email")} type="email" autocomplete="email" />
        <Field label={t("auth.password")} field={form.bind("password")} type="password" autocomplete="new-password" hint={t("auth.passwordHint")} />
        <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
          {t("signup.submit")}
        </Button>
        <p class="text-center text-[12px] text-muted">{t("signup.freePlan")}</p>
      </form>
    </AuthLayout>
  );
}
