import { Form, Link, useSearchParams } from '@remix-run/react';

type Choice = { value: string; label: string; count: number };

/**
 * What stands above a back-office list: one chip per state with its count (links, so that each
 * state has its address), then the search and sort form. Both keep the other query parameters and
 * go back to the first page; the values shown are read from the address itself.
 */
export function ListToolbar({
  id,
  filter,
  search,
  sort,
  submit,
}: {
  /** Prefix of the fields' ids. */
  id: string;
  filter: { param: string; label: string; all: Choice; choices: Choice[] };
  search: { label: string; maxLength?: number };
  sort: { label: string; labelHidden?: boolean; defaultValue: string; choices: { value: string; label: string }[] };
  submit: string;
}) {
  const [params] = useSearchParams();
  const current = params.get(filter.param) ?? '';
  const hrefWith = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(filter.param, value);
    else next.delete(filter.param);
    next.delete('page');
    const query = next.toString();
    return query ? `?${query}` : '.';
  };
  return (
    <>
      <nav aria-label={filter.label}>
        <ul className="pill-list bo-chips">
          {[filter.all, ...filter.choices].map((choice) => (
            <li key={choice.value}>
              <Link to={hrefWith(choice.value)} aria-current={current === choice.value ? 'page' : undefined}>
                {choice.label} <span className="bo-chips__count">{choice.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="search-form" role="search">
        {current ? <input type="hidden" name={filter.param} value={current} /> : null}
        <label htmlFor={`${id}-q`}>{search.label}</label>
        <input id={`${id}-q`} name="q" type="search" defaultValue={params.get('q') ?? ''} maxLength={search.maxLength} />
        <label htmlFor={`${id}-sort`} className={sort.labelHidden ? 'sales-visually-hidden' : undefined}>
          {sort.label}
        </label>
        <select id={`${id}-sort`} name="sort" defaultValue={params.get('sort') ?? sort.defaultValue} className="bo-select">
          {sort.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {submit}
        </button>
      </Form>
    </>
  );
}
