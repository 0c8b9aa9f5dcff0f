package io.ledgerline.portal.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes records as they are read: a CSV table or a JSON array. */
final class AuditExport {

    static final String CSV_HEADER =
            "position,at,actor,action,target,before,after,outcome,source,hash";

    private AuditExport() {}

    interface Sink extends AutoCloseable {
        void write(AuditRecord record);

        @Override
        void close() throws IOException;
    }

    static Sink csv(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            writer.write(CSV_HEADER + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sink() {
            @Override
            public void write(AuditRecord r) {
                var line =
                        Stream.of(
                                        String.valueOf(r.position()),
                                        r.at().toString(),
                                        r.actor(),
                                        r.action(),
                                        r.target(),
                                        r.before() == null ? null : r.before().toString(),
                                        r.after() == null ? null : r.after().toString(),
                                        r.outcome(),
                                        r.source(),
                                        r.hash())
                                .map(AuditExport::cell)
                                .collect(Collectors.joining(","));
                try {
                    writer.write(line + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                writer.flush();
            }
        };
    }

    static Sink json(OutputStream out, ObjectMapper mapper) {
        try {
            JsonGenerator generator = mapper.getFactory().createGenerator(out);
            generator.writeStartArray();
            return new Sink() {
                @Override
                public void write(AuditRecord record) {
                    try {
                        mapper.writeValue(generator, record);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() throws IOException {
                    generator.writeEndArray();
                    generator.flush();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RFC 4180 quoting; a text a spreadsheet would run as a formula (=, +, -, @ first) is led by a
     * quote mark, since targets and notes are typed by people.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        var text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
