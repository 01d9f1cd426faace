import { createSignal } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError } from "./api";
import { errorText } from "./toast";

type Errors<K extends string> = Partial<Record<K | "form", string>>;

/**
 * A small form state: values, per-field errors, a busy flag. `submit` runs the action and puts a
 * server refusal on the field it names (or on the form when it names none).
 */
export function createForm<T extends Record<string, string>>(initial: T, check?: (v: T) => Errors<keyof T & string>) {
  const [values, setValues] = createStore<T>({ ...initial });
  const [errors, setErrors] = createStore<Errors<keyof T & string>>({});
  const [touched, setTouched] = createStore<Partial<Record<keyof T, boolean>>>({});
  const [busy, setBusy] = createSignal(false);

  const validate = (only?: keyof T & string) => {
    if (!check) return true;
    const found = check(values as T);
    if (only) {
      setErrors(only as never, found[only] as never);
      return !found[only];
    }
    setErrors(reconcile(found));
    return Object.values(found).every((v) => !v);
  };

  function bind(name: keyof T & string) {
    return {
      name,
      value: () => values[name] as string,
      error: () => errors[name],
      onInput: (v: string) => {
        setValues(name as never, v as never);
        if (touched[name] || errors[name]) validate(name);
      },
      onBlur: () => {
        setTouched(name as never, true as never);
        if (values[name]) validate(name);
      },
    };
  }

  async function submit(action: (v: T) => Promise<void>) {
    if (busy()) return;
    if (!validate()) return;
    setBusy(true);
    setErrors("form" as never, undefined as never);
    try {
      await action({ ...(values as T) });
    } catch (e) {
      const field = e instanceof ApiError && e.field ? e.field.split(".")[0] : undefined;
      if (field && field in initial) setErrors(field as never, errorText(e) as never);
      else setErrors("form" as never, errorText(e) as never);
    } finally {
      setBusy(false);
    }
  }

  return { values, setValues, errors, setErrors, busy, bind, submit, validate };
}
export type Form<T extends Record<string, string>> = ReturnType<typeof createForm<T>>;
