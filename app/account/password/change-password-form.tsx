"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { passwordMessages } from "@/lib/auth/password-rules";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { changePasswordAction } from "../actions";
import { changePasswordInput, type ChangePasswordInput } from "../operations-schema";

const m = securityMessages;
type Field = keyof ChangePasswordInput;

/**
 * The new password is checked as it is typed with the same rules the server applies (the server
 * repeats them, with the username). After a change every session ends, this one too: the page
 * signs out and asks to sign in with the new password.
 */
export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const typed = watch("newPassword");
  const live = typed ? passwordMessages(typed) : [];

  const onSubmit = async (values: ChangePasswordInput) => {
    setFormError(null);
    const outcome = await changePasswordAction(values);
    if (!outcome.ok) {
      const fields = Object.entries(outcome.fieldErrors);
      for (const [field, messages] of fields) setError(field as Field, { message: messages.join(" ") });
      if (fields.length === 0) setFormError(outcome.formError);
      return;
    }
    await signOut({ redirect: false });
    window.location.assign("/signin?error=PasswordChanged");
  };

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <div className="mb-4">
      <Label htmlFor={name}>{label}</Label>
      <Input
        id={name}
        type="password"
        autoComplete={autoComplete}
        invalid={!!errors[name]}
        aria-describedby={
          [errors[name] ? `${name}-error` : "", hint ? `${name}-hint` : ""].filter(Boolean).join(" ") || undefined
        }
        {...register(name)}
      />
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${name}-error`} message={errors[name]?.message} />
    </div>
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError ? (
        <Alert tone="error" className="mb-4">
          {formError}
        </Alert>
      ) : null}
      {field("currentPassword", m.account.currentPassword, "current-password")}
      {field("newPassword", m.account.newPassword, "new-password", m.password.rulesHint)}
      {live.length > 0 && !errors.newPassword ? (
        <ul className="-mt-2 mb-4 list-disc pl-5 text-xs text-amber-700" aria-live="polite">
          {live.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {field("confirmPassword", m.account.confirmPassword, "new-password")}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? m.account.submitting : m.account.submit}
      </Button>
    </form>
  );
}
