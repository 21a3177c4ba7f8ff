"use client";

import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type SortingState,
} from "@tanstack/react-table";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";

const t = adminMessages.table;

/** A select above the table that filters one column; its value lives in the URL under the column id. */
export type Facet = { columnId: string; label: string; options: { value: string; label: string }[] };

type Props<T> = {
  data: T[];
  // Each column has its own value type (text, money, dates); tanstack types a mixed list as ColumnDef<T, any>.
  // biome-ignore lint/suspicious/noExplicitAny: see the line above; unknown would reject every typed accessor.
  columns: ColumnDef<T, any>[];
  caption: string;
  searchLabel: string;
  facets?: Facet[];
  rowKey: (row: T) => string;
};

/**
 * The admin's lists: @tanstack/react-table with sorting, a search box and column filters kept in
 * the URL (?sort=code&dir=desc&q=…&role=clerk), so a filtered list can be bookmarked, shared and
 * survives a reload. Columns say `enableSorting: false` where sorting makes no sense.
 */
export function DataTable<T>({ data, columns, caption, searchLabel, facets = [], rowKey }: Props<T>) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(params.get("q") ?? "");

  const sorting: SortingState = useMemo(() => {
    const id = params.get("sort");
    return id ? [{ id, desc: params.get("dir") === "desc" }] : [];
  }, [params]);
  const columnFilters: ColumnFiltersState = useMemo(
    () => facets.flatMap((f) => (params.get(f.columnId) ? [{ id: f.columnId, value: params.get(f.columnId)! }] : [])),
    [facets, params],
  );

  const setParams = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(change))
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    const search = next.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnFilters, globalFilter: query },
    onSortingChange: (updater) => {
      const value = typeof updater === "function" ? updater(sorting) : updater;
      setParams({ sort: value[0]?.id ?? null, dir: value[0]?.desc ? "desc" : null });
    },
    globalFilterFn: "includesString",
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: rowKey,
  });
  const rows = table.getRowModel().rows;

  return (
    <div>
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
        <div className="text-sm text-slate-700">
          <label htmlFor="table-search" className="mb-1 block">
            {searchLabel}
          </label>
          <input
            id="table-search"
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setParams({ q: e.target.value });
            }}
            className="h-9 w-56 rounded-md border border-slate-300 px-3 text-sm"
          />
        </div>
        {facets.map((f) => (
          <div key={f.columnId} className="text-sm text-slate-700">
            <label htmlFor={`facet-${f.columnId}`} className="mb-1 block">
              {f.label}
            </label>
            <select
              id={`facet-${f.columnId}`}
              value={params.get(f.columnId) ?? ""}
              onChange={(e) => setParams({ [f.columnId]: e.target.value })}
              className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
            >
              <option value="">{t.all}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <p className="ml-auto text-sm text-slate-600" aria-live="polite">
          {t.shown(rows.length, data.length)}
        </p>
      </div>
      <ScrollRegion label={caption}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="border-b border-slate-200 px-3 py-2 font-medium whitespace-nowrap"
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                        >
                          {label}
                          <span aria-hidden className={cn("text-xs", sorted ? "text-brand-700" : "text-slate-300")}>
                            {sorted === "desc" ? "▼" : "▲"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50/60">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-middle">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-500">
                  {t.empty}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
