package io.ledgerline.portal.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.session.PortalUser;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

/** R20: the signed-in tenant's own audit records, to read by page or to export. */
@RestController
@RequestMapping("/api/portal/audit")
class AuditController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_PAGE = 100_000;

    record AuditPage(int page, int size, List<AuditRecord> rows) {}

    private final AuditRecords records;
    private final AuditReaders readers;
    private final ObjectMapper json;

    AuditController(AuditRecords records, AuditReaders readers, ObjectMapper json) {
        this.records = records;
        this.readers = readers;
        this.json = json;
    }

    @GetMapping
    AuditPage read(
            PortalUser user,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        readers.require(user);
        if (page < 0 || page > MAX_PAGE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "page", "page 0.." + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "size", "size 1.." + MAX_PAGE_SIZE);
        }
        var filter = AuditFilter.of(actor, action, from, to);
        return new AuditPage(page, size, records.page(user.accountId(), filter, page, size));
    }

    @GetMapping("/export")
    void export(
            PortalUser user,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        readers.require(user);
        var filter = AuditFilter.of(actor, action, from, to);
        boolean csv = "csv".equals(format);
        if (!csv && !"json".equals(format)) {
            throw Refused.field(CommonRefusal.INVALID_PARAMETER, "format", "csv or json");
        }
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/json");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit." + (csv ? "csv" : "json") + "\"");
        var out = response.getOutputStream();
        try (var sink = csv ? AuditExport.csv(out) : AuditExport.json(out, json)) {
            records.each(user.accountId(), filter, sink::write);
        }
    }
}
