package io.ledgerline.contracts.rating;

import io.ledgerline.contracts.money.Credits;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the gateway sells and their platform prices. {@link #standard()} mirrors public OpenAI
 * list prices (in cents per million tokens) and includes every model the local stub upstream
 * serves.
 */
public final class ModelCatalogue {

    private final Map<String, ModelPrice> byModel;
    private final List<ModelPrice> ordered;

    public ModelCatalogue(Collection<ModelPrice> prices) {
        var map = new LinkedHashMap<String, ModelPrice>();
        for (var price : prices) {
            if (map.putIfAbsent(price.model(), price) != null) {
                throw new IllegalArgumentException("model listed twice: " + price.model());
            }
        }
        this.byModel = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    public static ModelCatalogue standard() {
        return new ModelCatalogue(
                List.of(
                        price("gpt-4.1-nano", Tier.BUDGET, "10", "40"),
                        price("gpt-4o-mini", Tier.BUDGET, "15", "60"),
                        price("text-embedding-3-small", Tier.BUDGET, "2", "0"),
                        price("gpt-4.1-mini", Tier.MID, "40", "160"),
                        price("text-embedding-3-large", Tier.MID, "13", "0"),
                        price("gpt-4.1", Tier.PREMIUM, "200", "800"),
                        price("gpt-4o", Tier.PREMIUM, "250", "1000")));
    }

    private static ModelPrice price(String model, Tier tier, String inCredits, String outCredits) {
        return new ModelPrice(model, tier, Credits.parse(inCredits), Credits.parse(outCredits));
    }

    public Optional<ModelPrice> find(String model) {
        return model == null ? Optional.empty() : Optional.ofNullable(byModel.get(model));
    }

    /** Every model, in catalogue order (cheapest band first). */
    public List<ModelPrice> all() {
        return ordered;
    }

    public List<ModelPrice> availableTo(PartnerTier partnerTier) {
        return ordered.stream().filter(price -> partnerTier.allows(price.tier())).toList();
    }
}
