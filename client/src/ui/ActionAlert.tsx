/** Where a section's refused action is said; present from the start so that it is announced. */
export function ActionAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" className="form-alert-region">
      {message && <p className="form-alert">{message}</p>}
    </div>
  );
}
