package org.tandem.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Context;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQL;
import org.jooq.Select;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * A statement of fixed shape whose SQL jOOQ renders once, on its first use, instead of on every execution: rendering
 * was a fifth to a quarter of the Java time of a short screen's data path (docs/performance.md). The shape is written
 * with jOOQ as usual; what changes from one execution to the next is a named {@link Param} ({@link DSL#param(String,
 * Class)}), and every other value in it is a constant, inlined into the SQL. Each execution then runs the rendered SQL
 * as jOOQ plain SQL with the values bound by their parameters' types (converters included), and reads a select's rows
 * through the shape's own fields: jOOQ's listeners see it as any other statement.
 *
 * <p>Keep one per repository instance (not static): the SQL is rendered with that application context's settings.
 */
public final class RenderedOnce {

    /** The value of one named parameter for one execution. */
    public record Value<T>(Param<T> param, @Nullable T value) {}

    /**
     * The rendered SQL cut at each parameter (one fragment more than parameters), the parameters in order, and a
     * select's fields.
     */
    private record Rendered(List<String> fragments, List<Slot> params, @Nullable List<Field<?>> fields) {

        String sql() {
            return String.join("?", fragments);
        }
    }

    /**
     * A parameter with its data type made nullable and not nullable ahead: a bind value's type is the one or the
     * other, and jOOQ would otherwise build a new data type for every value bound.
     */
    private record Slot(Param<?> param, DataType<?> whenNull, DataType<?> whenSet) {

        static Slot of(Param<?> param) {
            return new Slot(param, param.getDataType().null_(), param.getDataType().notNull());
        }

        @Override
        public String toString() {
            return param.toString();
        }
    }

    private final Function<DSLContext, ? extends Query> shape;
    private volatile @Nullable Rendered rendered;

    private RenderedOnce(Function<DSLContext, ? extends Query> shape) {
        this.shape = shape;
    }

    public static RenderedOnce of(Function<DSLContext, ? extends Query> shape) {
        return new RenderedOnce(shape);
    }

    public static <T> Value<T> value(Param<T> param, @Nullable T value) {
        return new Value<>(param, value);
    }

    /** The select for these values of its parameters, reading its rows as the shape's fields. */
    public ResultQuery<Record> select(DSLContext dsl, Value<?>... values) {
        Rendered sql = rendered(dsl);
        if (sql.fields() == null) {
            throw new IllegalStateException("Not a select: " + sql.sql());
        }
        return dsl.resultQuery(bound(sql, values)).coerce(sql.fields());
    }

    /** The statement (an insert, update or delete) for these values of its parameters. */
    public Query query(DSLContext dsl, Value<?>... values) {
        return dsl.query(bound(rendered(dsl), values));
    }

    /**
     * The SQL with these values in place of its parameters, as a template of one part that writes the fragments and
     * the values itself: jOOQ's plain SQL would scan the whole text for {@code ?} and braces on every execution
     * (12 % of an assignment review's CPU time), while the template {@code {0}} is three characters.
     */
    private static SQL bound(Rendered sql, Value<?>[] values) {
        return DSL.sql("{0}", new Bound(sql.fragments(), binds(sql, values)));
    }

    /** The fragments with each value rendered (as {@code ?}, with its cast where jOOQ adds one) and bound between. */
    private static final class Bound extends CustomQueryPart {

        private final List<String> fragments;
        private final Field<?>[] values;

        Bound(List<String> fragments, Field<?>[] values) {
            this.fragments = fragments;
            this.values = values;
        }

        @Override
        public void accept(Context<?> ctx) {
            for (int index = 0; index < values.length; index++) {
                ctx.sql(fragments.get(index)).visit(values[index]);
            }
            ctx.sql(fragments.get(values.length));
        }
    }

    private Rendered rendered(DSLContext dsl) {
        Rendered current = rendered;
        if (current == null) {
            current = render(dsl, shape.apply(dsl));
            rendered = current;
        }
        return current;
    }

    private static Field<?>[] binds(Rendered sql, Value<?>[] values) {
        Field<?>[] binds = new Field<?>[sql.params().size()];
        for (int index = 0; index < binds.length; index++) {
            binds[index] = bind(sql.params().get(index), values);
        }
        return binds;
    }

    private static Field<?> bind(Slot slot, Value<?>[] values) {
        String name = slot.param().getParamName();
        for (Value<?> value : values) {
            if (java.util.Objects.equals(value.param().getParamName(), name)) {
                Object bound = value.value();
                DataType<?> type = bound == null ? slot.whenNull() : slot.whenSet();
                return DSL.val(bound, type);
            }
        }
        throw new IllegalArgumentException("No value for the parameter " + name);
    }

    /**
     * Renders the shape with its named parameters as {@code :name} and everything else inlined, then cuts it at each
     * {@code :name} outside quoted text. Refuses SQL with a {@code ?} of its own, which the driver would take for a
     * parameter (PostgreSQL's JSON operator {@code ?}).
     */
    static Rendered render(DSLContext dsl, Query query) {
        Map<String, Param<?>> params = query.getParams();
        String named = dsl.renderNamedOrInlinedParams(query);
        StringBuilder sql = new StringBuilder(named.length());
        List<String> fragments = new ArrayList<>();
        List<Param<?>> order = new ArrayList<>();
        char quote = 0;
        for (int at = 0; at < named.length(); at++) {
            char c = named.charAt(at);
            if (quote != 0) {
                quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: the same text
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                throw new IllegalArgumentException("Cannot keep this SQL as plain SQL (" + c + "): " + named);
            } else if (c == ':' && at + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(at + 1))
                    && (at == 0 || named.charAt(at - 1) != ':')) {
                int end = at + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                Param<?> param = params.get(named.substring(at + 1, end));
                if (param == null) {
                    throw new IllegalArgumentException("Unknown parameter " + named.substring(at, end) + ": " + named);
                }
                order.add(param);
                fragments.add(sql.toString());
                sql.setLength(0);
                at = end - 1;
                continue;
            }
            sql.append(c);
        }
        for (Param<?> param : params.values()) {
            if (!param.isInline() && param.getParamName() != null && !order.contains(param)) {
                // jOOQ inlined it (as some dialects do a LIMIT): the first call's value would be every call's.
                throw new IllegalArgumentException("The parameter :" + param.getParamName() + " was inlined: " + named);
            }
        }
        List<Field<?>> fields = query instanceof Select<?> select ? List.copyOf(select.getSelect()) : null;
        fragments.add(sql.toString());
        return new Rendered(List.copyOf(fragments), order.stream().map(Slot::of).toList(), fields);
    }

    @Override
    public String toString() {
        Rendered current = rendered;
        return current == null ? "RenderedOnce (not rendered yet)"
                : "RenderedOnce " + current.sql() + " " + Arrays.toString(current.params().toArray());
    }
}
