package org.tandem.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
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

    /** The rendered SQL with {@code ?} for each parameter, the parameters in order, and a select's fields. */
    private record Rendered(String sql, List<Param<?>> params, @Nullable List<Field<?>> fields) {}

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
        return dsl.resultQuery(sql.sql(), binds(sql, values)).coerce(sql.fields());
    }

    /** The statement (an insert, update or delete) for these values of its parameters. */
    public Query query(DSLContext dsl, Value<?>... values) {
        Rendered sql = rendered(dsl);
        return dsl.query(sql.sql(), binds(sql, values));
    }

    private Rendered rendered(DSLContext dsl) {
        Rendered current = rendered;
        if (current == null) {
            current = render(dsl, shape.apply(dsl));
            rendered = current;
        }
        return current;
    }

    private static Object[] binds(Rendered sql, Value<?>[] values) {
        Object[] binds = new Object[sql.params().size()];
        for (int index = 0; index < binds.length; index++) {
            binds[index] = bind(sql.params().get(index), values);
        }
        return binds;
    }

    private static Field<?> bind(Param<?> param, Value<?>[] values) {
        for (Value<?> value : values) {
            if (java.util.Objects.equals(value.param().getParamName(), param.getParamName())) {
                return typed(param, value.value());
            }
        }
        throw new IllegalArgumentException("No value for the parameter " + param.getParamName());
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> typed(Param<T> param, @Nullable Object value) {
        return DSL.val((T) value, param.getDataType());
    }

    /**
     * Renders the shape with its named parameters as {@code :name} and everything else inlined, then puts a {@code ?}
     * in place of each {@code :name}, outside quoted text. Refuses SQL that jOOQ's plain SQL would read otherwise: a
     * {@code ?} or a brace of its own.
     */
    static Rendered render(DSLContext dsl, Query query) {
        Map<String, Param<?>> params = query.getParams();
        String named = dsl.renderNamedOrInlinedParams(query);
        StringBuilder sql = new StringBuilder(named.length());
        List<Param<?>> order = new ArrayList<>();
        char quote = 0;
        for (int at = 0; at < named.length(); at++) {
            char c = named.charAt(at);
            if (quote != 0) {
                quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: the same text
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?' || c == '{' || c == '}') {
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
                sql.append('?');
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
        return new Rendered(sql.toString(), List.copyOf(order), fields);
    }

    @Override
    public String toString() {
        Rendered current = rendered;
        return current == null ? "RenderedOnce (not rendered yet)"
                : "RenderedOnce " + current.sql() + " " + Arrays.toString(current.params().toArray());
    }
}
