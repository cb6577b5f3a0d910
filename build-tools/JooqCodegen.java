import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates Tandem's jOOQ classes from the real schema: a throw-away embedded PostgreSQL,
 * Flyway on db/migration, then jOOQ's generator on schema public. Run by the build
 * (maven-antrun-plugin, generate-sources) with: migrations folder, output folder, package.
 */
public class JooqCodegen {

    /**
     * Text columns whose values are the names of one of our enums (their CHECK constraints allow exactly those
     * names): jOOQ reads and writes them as that enum, so no repository converts by hand
     * (docs/decisions/018-typed-columns.md). Columns are matched as schema.table.column.
     */
    static final List<ForcedType> ENUM_COLUMNS = List.of(
            enumColumns("org.tandem.accounts.Role", "account_role.role", "invitation.role", "invitation_role.role"),
            enumColumns("org.tandem.accounts.AuditEvent.Outcome", "audit_event.outcome"),
            enumColumns("org.tandem.accounts.SignInLockKind", "sign_in_lock.kind"),
            enumColumns("org.tandem.couples.CoupleStatus",
                    "couple.status", "couple_status_change.from_status", "couple_status_change.to_status"),
            enumColumns("org.tandem.couples.TherapistRole", "couple_therapist.role", "couple_therapist_period.role"),
            enumColumns("org.tandem.sessions.SessionStatus", "couple_session.status"),
            enumColumns("org.tandem.sessions.Modality", "couple_session.modality"),
            enumColumns("org.tandem.workbook.Category", "module.category", "module_version.category"),
            enumColumns("org.tandem.workbook.AssignmentMode", "module_assignment.mode"),
            enumColumns("org.tandem.goals.GoalStatus", "goal.status"),
            enumColumns("org.tandem.balance.Item", "instrument_item.code", "check_in_answer.item_code"),
            enumColumns("org.tandem.balance.Subscale", "instrument_item.subscale"),
            enumColumns("org.tandem.balance.AlertKind", "alert_acknowledgement.kind"),
            enumColumns("org.tandem.balance.Zone",
                    "balance_summary.partner_one_zone", "balance_summary.partner_two_zone"),
            enumColumns("org.tandem.balance.Trend",
                    "balance_summary.partner_one_trend", "balance_summary.partner_two_trend"),
            enumColumns("org.tandem.mail.MailStatus", "mail_outbox.status"),
            enumColumns("org.tandem.clinic.CalendarNames", "clinic.calendar_names"),
            enumColumns("org.tandem.notifications.NotificationKind", "notification.kind",
                    "notification_preference.kind", "notification_mail.kind"));

    private static ForcedType enumColumns(String enumType, String... columns) {
        return new ForcedType()
                .withUserType(enumType)
                .withEnumConverter(true)
                .withIncludeTypes("text")
                .withIncludeExpression("public\\.(" + String.join("|", columns).replace(".", "\\.") + ")");
    }

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + migrations)
                    .initSql("set tandem.scope to 'installation'")
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_schema_history")
                                    .withForcedTypes(ENUM_COLUMNS))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(output.toString())
                                    .withClean(true))));
        }
        Files.createDirectories(output);
        Files.writeString(output.resolve(".stamp"), "generated from " + migrations + "\n");
        System.out.printf("jOOQ classes generated from %s in %d ms%n", migrations, (System.nanoTime() - started) / 1_000_000);
    }
}
