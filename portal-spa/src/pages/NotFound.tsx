export function NotFound({ onHome }: { onHome: () => void }) {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>This page does not exist, or your account does not have it.</p>
      <p>
        <button type="button" onClick={onHome}>
          Go to the dashboard
        </button>
      </p>
    </section>
  );
}
