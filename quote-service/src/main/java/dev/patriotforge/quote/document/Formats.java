package dev.patriotforge.quote.document;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How the document writes numbers: money by the currency's minor units (JPY none, USD two, BHD
 * three; ISO 4217 via {@link Currency}), grouped with commas and a point for decimals, the same for
 * every reader (no locale); rates in percent; instants in UTC to the minute.
 */
public final class Formats {
    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private Formats() {}

    /** The minor units of the currency; 0 for codes without any (e.g. XAU). */
    public static int minorUnits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** {@code 123456} minor units: {@code 1,234.56} in USD, {@code 123,456} in JPY. */
    public static String money(long minor, String currency) {
        int digits = minorUnits(currency);
        DecimalFormat format =
                new DecimalFormat(
                        digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                        DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    /**
     * Basis points as a percentage: {@code 825} is {@code 8.25 %}, {@code 1000} is {@code 10 %}.
     */
    public static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + " %";
    }

    /** A quantity without trailing zeros: {@code 2.500} is {@code 2.5}. */
    public static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    public static String instant(Instant at) {
        return UTC_MINUTE.format(at);
    }
}
