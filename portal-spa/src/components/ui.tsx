import type { ReactNode } from 'react';
import { ApiProblem, messageOf } from '../api';
import { formatCredits } from '../money';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** A refusal or failure in words, for errors no single field caused. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof ApiProblem ? error.code : null;
  return (
    <div className="alert error" role="alert">
      {messageOf(error)}
      {code && !code.startsWith('HTTP_') && code !== 'NETWORK' && !messageOf(error).includes(code) ? (
        <span className="problem-code"> ({code})</span>
      ) : null}
    </div>
  );
}

/** The error a problem body names for this field (its `field`), else nothing. */
export function fieldError(error: unknown, field: string): string | null {
  return error instanceof ApiProblem && error.field === field ? error.message : null;
}

/** A problem that no field of the form claims. */
export function formError(error: unknown, fields: string[]): unknown {
  if (error instanceof ApiProblem && error.field && fields.includes(error.field)) return null;
  return error;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | null;
  hint?: string;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its error right below it, tied by aria-describedby. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined })}
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
    </div>
  );
}

export function Credits({ ucr }: { ucr: bigint | null | undefined }) {
  if (ucr == null) return <span className="muted">—</span>;
  return (
    <span className={ucr < 0n ? 'amount negative' : 'amount'}>
      {formatCredits(ucr)}
      <span className="unit"> credits</span>
    </span>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge ${kind}`}>{children}</span>;
}

export function Button({
  pending,
  pendingLabel,
  children,
  className,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pending?: boolean; pendingLabel?: string }) {
  return (
    <button {...rest} className={className} disabled={rest.disabled || pending} aria-busy={pending || undefined}>
      {pending ? (
        <>
          <span className="spinner small" aria-hidden="true" /> {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}
