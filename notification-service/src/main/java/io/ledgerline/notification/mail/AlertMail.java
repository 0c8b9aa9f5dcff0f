package io.ledgerline.notification.mail;

import io.ledgerline.notification.alert.Alert;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends one alert to one address over SMTP, plain text and HTML in one message. The message id is
 * derived from the delivery id, so a receiver can tell a resent message from a new one.
 */
@Component
public class AlertMail {

    private final JavaMailSender sender;
    private final String from;
    private final String billingUrl;

    AlertMail(
            JavaMailSender sender,
            @Value("${ledgerline.notification.mail.from}") String from,
            @Value("${ledgerline.notification.portal-url}") String portalUrl) {
        this.sender = sender;
        this.from = from;
        this.billingUrl = portalUrl + "/billing";
    }

    /** Throws a {@link org.springframework.mail.MailException} when the server did not accept. */
    public void send(String to, Alert alert, String deliveryId) {
        MimeMessage message = new IdentifiedMessage(sender.createMimeMessage(), deliveryId);
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(MailTemplate.subject(alert));
            helper.setText(
                    MailTemplate.text(alert, billingUrl), MailTemplate.html(alert, billingUrl));
        } catch (MessagingException e) {
            throw new MailSendException("cannot build the alert message", e);
        }
        sender.send(message);
    }

    /** Keeps a stable Message-ID instead of the random one JavaMail assigns on save. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(MimeMessage base, String deliveryId) {
            super(base.getSession());
            this.messageId =
                    "<"
                            + java.util.HexFormat.of()
                                    .formatHex(sha256(deliveryId))
                                    .substring(0, 32)
                            + "@notification.ledgerline>";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        private static byte[] sha256(String text) {
            try {
                return java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
