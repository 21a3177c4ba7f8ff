"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { sameOriginPath } from "@/lib/auth/return-path";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { signInErrorMessage, signInInput, type SignInInput } from "./schema";

/**
 * Signs in through next-auth's credentials endpoint without leaving the page, so a wrong password
 * is reported here, in Chinese, with the username kept. On success a full page load goes to the
 * role's home (/home decides) or back to where the user was sent from.
 */
export function SignInForm({
  callbackPath,
  initialError,
}: {
  callbackPath: string | null;
  initialError: string | null;
}) {
  const [formError, setFormError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInInput), defaultValues: { username: "", password: "" } });

  const onSubmit = async (values: SignInInput) => {
    setFormError(null);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn("credentials", { ...values, redirect: false });
    } catch {
      setFormError(zhCN.signIn.unavailable);
      return;
    }
    if (!result || result.error || !result.ok) {
      setFormError(signInErrorMessage(result?.error ?? "unavailable"));
      resetField("password");
      setFocus("password");
      return;
    }
    // The page already judged it; judged again here against the address the browser is really on.
    window.location.assign(sameOriginPath(callbackPath, window.location.origin) ?? "/home");
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-describedby={formError ? "signin-error" : undefined}>
      {formError ? (
        <Alert tone="error" id="signin-error" className="mb-4">
          {formError}
        </Alert>
      ) : null}
      <div className="mb-4">
        <Label htmlFor="username">{zhCN.signIn.username}</Label>
        <Input
          id="username"
          autoComplete="username"
          autoFocus
          invalid={!!errors.username}
          aria-describedby={errors.username ? "username-error" : undefined}
          {...register("username")}
        />
        <FieldError id="username-error" message={errors.username?.message} />
      </div>
      <div className="mb-6">
        <Label htmlFor="password">{zhCN.signIn.password}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          invalid={!!errors.password}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
        <FieldError id="password-error" message={errors.password?.message} />
      </div>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? zhCN.signIn.submitting : zhCN.signIn.submit}
      </Button>
    </form>
  );
}
