package io.camaudit.register.demo;

import io.camaudit.register.CameraSystem;
import io.camaudit.register.Capability;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.DevicesChanged;
import io.camaudit.register.FactSources;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.Procurement;
import io.camaudit.register.Provenance;
import io.camaudit.register.ProvenanceKind;
import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import io.camaudit.register.SiteKind;
import io.camaudit.register.persistence.DeviceRows;
import io.camaudit.register.persistence.OrganisationRows;
import io.camaudit.register.persistence.SiteRows;
import io.camaudit.register.persistence.SystemRows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A synthetic estate for demonstrations: some 300 bodies of every sector, their sites, systems
 * and tens of thousands of devices. The share of bodies with Hikvision or Dahua kit follows the
 * 2022 Freedom of Information survey by sector (Big Brother Watch, "Who's Watching You?":
 * councils 73%, NHS trusts 60%, schools 63%, universities 54%, police 35%; see shared facts
 * §3.1), and much of it is stated under other brand names and misspelt, as real returns are.
 * Every record says it is synthetic. The generator is seeded, so two runs make the same estate.
 */
@Component
public class DemoEstate {

    private static final long SEED = 20221124L;

    /** How many bodies of each sector, and the share running Hikvision or Dahua, per the survey. */
    private record SectorPlan(Sector sector, int bodies, double listedShare, int minDevices, int maxDevices) {}

    private static final List<SectorPlan> PLAN = List.of(
            new SectorPlan(Sector.LOCAL_AUTHORITY, 80, 0.73, 80, 400),
            new SectorPlan(Sector.NHS_TRUST, 30, 0.60, 60, 300),
            new SectorPlan(Sector.SCHOOL_OR_ACADEMY_TRUST, 80, 0.63, 10, 60),
            new SectorPlan(Sector.UNIVERSITY, 25, 0.54, 80, 350),
            new SectorPlan(Sector.POLICE_FORCE, 25, 0.35, 60, 300),
            new SectorPlan(Sector.FIRE_AND_RESCUE, 15, 0.50, 10, 60),
            new SectorPlan(Sector.CENTRAL_GOVERNMENT, 12, 0.40, 30, 200),
            new SectorPlan(Sector.EXECUTIVE_AGENCY, 12, 0.45, 20, 150),
            new SectorPlan(Sector.DEVOLVED_ADMINISTRATION, 4, 0.40, 30, 150),
            new SectorPlan(Sector.OTHER, 10, 0.50, 10, 80));

    private static final String[] PLACES = {
        "Ashford",
        "Barnsley",
        "Bedford",
        "Blackpool",
        "Bolton",
        "Bradford",
        "Brighton",
        "Bristol",
        "Burnley",
        "Cambridge",
        "Carlisle",
        "Chelmsford",
        "Chester",
        "Colchester",
        "Coventry",
        "Crawley",
        "Darlington",
        "Derby",
        "Doncaster",
        "Dudley",
        "Durham",
        "Exeter",
        "Gateshead",
        "Gloucester",
        "Grimsby",
        "Halifax",
        "Harrogate",
        "Hartlepool",
        "Hastings",
        "Hereford",
        "Huddersfield",
        "Ipswich",
        "Kendal",
        "Lancaster",
        "Leeds",
        "Leicester",
        "Lincoln",
        "Luton",
        "Maidstone",
        "Mansfield",
        "Middlesbrough",
        "Milton Keynes",
        "Newark",
        "Northampton",
        "Norwich",
        "Nottingham",
        "Oldham",
        "Oxford",
        "Peterborough",
        "Plymouth",
        "Portsmouth",
        "Preston",
        "Reading",
        "Redditch",
        "Rochdale",
        "Rotherham",
        "Salford",
        "Salisbury",
        "Scarborough",
        "Sheffield",
        "Shrewsbury",
        "Slough",
        "Southampton",
        "Stafford",
        "Stockport",
        "Stoke",
        "Sunderland",
        "Swindon",
        "Taunton",
        "Telford",
        "Torbay",
        "Wakefield",
        "Walsall",
        "Warrington",
        "Watford",
        "Wigan",
        "Winchester",
        "Wolverhampton",
        "Worcester",
        "York",
        "Aberdeen",
        "Dundee",
        "Inverness",
        "Perth",
        "Stirling",
        "Cardiff",
        "Newport",
        "Swansea",
        "Wrexham",
        "Bangor",
        "Belfast",
        "Derry",
        "Lisburn",
        "Newry",
        "Armagh"
    };

    private static final Region[] ENGLISH_REGIONS = {
        Region.NORTH_EAST,
        Region.NORTH_WEST,
        Region.YORKSHIRE_AND_THE_HUMBER,
        Region.EAST_MIDLANDS,
        Region.WEST_MIDLANDS,
        Region.EAST_OF_ENGLAND,
        Region.LONDON,
        Region.SOUTH_EAST,
        Region.SOUTH_WEST
    };

    /** A product as a return would state it: maker as typed, brand, model, what it can do. */
    private record Product(
            String manufacturer, String brand, String model, String firmware, String ouiPrefix, Set<Capability> caps) {}

    private static final List<Product> LISTED = List.of(
            new Product(
                    "Hikvision", "Hikvision", "DS-2CD2143G0-I", "V5.6.3", "44:19:b6", EnumSet.noneOf(Capability.class)),
            new Product(
                    "HIK VISION",
                    "Hikvision",
                    "DS-2CD2T47G2-L",
                    "V5.7.1",
                    "bc:ad:28",
                    EnumSet.of(Capability.ANALYTICS)),
            new Product("Hikvison", "", "DS-2DE4425IW-DE", "V5.6.11", "c0:56:e3", EnumSet.of(Capability.PTZ)),
            new Product(
                    "Hikvision",
                    "Hikvision",
                    "iDS-2CD7A46G0-IZHS",
                    "V5.5.820",
                    "4c:bd:8f",
                    EnumSet.of(Capability.ANPR, Capability.ANALYTICS)),
            new Product(
                    "Hikvision",
                    "Hikvision",
                    "DS-2CD7A26G0/P-IZHS",
                    "V5.5.71",
                    "44:19:b6",
                    EnumSet.of(Capability.FACE_RECOGNITION, Capability.ANALYTICS)),
            new Product("HiLook", "HiLook", "IPC-B140H", "V5.5.800", "c0:56:e3", EnumSet.noneOf(Capability.class)),
            new Product("Ezviz", "EZVIZ", "C6N", "V5.3.0", "08:a1:89", EnumSet.of(Capability.AUDIO, Capability.PTZ)),
            new Product(
                    "Hikvision", "Hikvision", "DS-2TD2617-3/PA", "V5.5.33", "bc:ad:28", EnumSet.of(Capability.THERMAL)),
            new Product(
                    "Dahua",
                    "Dahua",
                    "IPC-HDW2431T-AS-S2",
                    "V2.800.0000000.16.R",
                    "3c:ef:8c",
                    EnumSet.of(Capability.AUDIO)),
            new Product(
                    "DAHUA TECHNOLOGY",
                    "Dahua",
                    "IPC-HFW5442E-ZE",
                    "V2.800.15OG004.0.R",
                    "e0:50:8b",
                    EnumSet.of(Capability.ANALYTICS)),
            new Product("Dahua", "", "DH-SD49225XA-HNR", "V2.623.0000000.4.R", "3c:ef:8c", EnumSet.of(Capability.PTZ)),
            new Product("Imou", "Imou", "IPC-A22EP", "V2.680.0000000.4.R", "9c:14:63", EnumSet.of(Capability.AUDIO)),
            new Product(
                    "Lorex", "Lorex", "LNB4421B", "V2.800.0000011.0.R", "3c:ef:8c", EnumSet.noneOf(Capability.class)),
            new Product(
                    "Amcrest",
                    "Amcrest",
                    "IP8M-2496EB",
                    "V2.800.00AC006.0.R",
                    "9c:8e:cd",
                    EnumSet.noneOf(Capability.class)),
            new Product(
                    "Honeywell",
                    "Honeywell",
                    "HC30WB5R1",
                    "V2.460.0000.3.R",
                    "3c:ef:8c",
                    EnumSet.noneOf(Capability.class)));

    private static final List<Product> OTHERS = List.of(
            new Product("Axis", "Axis", "P3245-V", "10.12.182", "ac:cc:8e", EnumSet.noneOf(Capability.class)),
            new Product("Axis Communications", "Axis", "Q6075-E", "10.12.182", "b8:a4:4f", EnumSet.of(Capability.PTZ)),
            new Product(
                    "Hanwha Vision", "Wisenet", "XNV-6080R", "2.21.02", "00:09:18", EnumSet.noneOf(Capability.class)),
            new Product(
                    "Bosch", "Bosch", "FLEXIDOME IP 5000i", "7.80.0128", "00:07:5f", EnumSet.noneOf(Capability.class)),
            new Product("Avigilon", "Avigilon", "H5A-DO-IR", "4.24.0.16", "00:18:85", EnumSet.of(Capability.ANALYTICS)),
            new Product("Panasonic", "i-PRO", "WV-S2136L", "2.80", "00:80:45", EnumSet.noneOf(Capability.class)),
            new Product("Vivotek", "Vivotek", "FD9389-HV", "0206c", "00:02:d1", EnumSet.noneOf(Capability.class)),
            new Product("Mobotix", "Mobotix", "M16B", "MX-V5.2.5.2", "00:03:c5", EnumSet.of(Capability.THERMAL)),
            new Product("Sony", "Sony", "SNC-EB600", "1.86.00", "08:00:46", EnumSet.noneOf(Capability.class)),
            new Product(
                    "Uniview",
                    "Uniview",
                    "IPC2124LB-SF40KM-G",
                    "GIPC-B6202.5.10.190906",
                    "48:ea:63",
                    EnumSet.noneOf(Capability.class)));

    private static final SiteKind[] SCHOOL_SITES = {
        SiteKind.SCHOOL, SiteKind.SCHOOL, SiteKind.SPORTS_GROUND, SiteKind.OFFICE
    };
    private static final SiteKind[] COUNCIL_SITES = {
        SiteKind.TOWN_CENTRE,
        SiteKind.PUBLIC_STREET,
        SiteKind.LEISURE_CENTRE,
        SiteKind.OFFICE,
        SiteKind.TRANSPORT_HUB,
        SiteKind.SPORTS_GROUND,
        SiteKind.OTHER
    };
    private static final SiteKind[] POLICE_SITES = {SiteKind.CUSTODY_SUITE, SiteKind.OFFICE, SiteKind.PUBLIC_STREET};
    private static final SiteKind[] HOSPITAL_SITES = {SiteKind.HOSPITAL, SiteKind.HOSPITAL, SiteKind.OFFICE};
    private static final SiteKind[] GENERAL_SITES = {
        SiteKind.OFFICE, SiteKind.OFFICE, SiteKind.OTHER, SiteKind.TRANSPORT_HUB
    };

    /** What the demonstration added. */
    public record Result(boolean filled, long organisations, long sites, long devices) {
        public String describe() {
            return filled
                    ? "Demonstration estate added: " + organisations + " organisations, " + sites + " sites, " + devices
                            + " devices."
                    : "The register already has data; no demonstration estate was added.";
        }
    }

    private final OrganisationRows organisations;
    private final SiteRows sites;
    private final SystemRows systems;
    private final DeviceRows devices;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DemoEstate(
            OrganisationRows organisations,
            SiteRows sites,
            SystemRows systems,
            DeviceRows devices,
            Clock clock,
            ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.sites = sites;
        this.systems = systems;
        this.devices = devices;
        this.clock = clock;
        this.events = events;
    }

    /** Adds the estate if no organisation is registered yet. */
    @Transactional
    public Result fillIfEmpty() {
        if (organisations.count() > 0) {
            return new Result(false, 0, 0, 0);
        }
        Random random = new Random(SEED);
        Instant now = Instant.now(clock);
        Provenance provenance = new Provenance(ProvenanceKind.SYNTHETIC, "synthetic demonstration data", now, "demo");
        long orgCount = 0;
        long siteCount = 0;
        long deviceCount = 0;
        int placeIndex = 0;
        long serial = 1;
        for (SectorPlan plan : PLAN) {
            for (int b = 0; b < plan.bodies(); b++) {
                String place = PLACES[placeIndex++ % PLACES.length];
                int round = placeIndex / PLACES.length;
                Region region = regionOf(place, random);
                String name = bodyName(plan.sector(), place, round, b);
                // Contact addresses on the reserved example domain (RFC 2606), so that demo mail reaches nobody.
                long orgId = organisations.insert(
                        name,
                        plan.sector(),
                        region,
                        "DEMO-" + (orgCount + 1),
                        "foi@body-" + (orgCount + 1) + ".example",
                        provenance);
                // So that whatever annotates devices (who made them) catches up once the estate has committed.
                events.publishEvent(new DevicesChanged(orgId));
                orgCount++;
                boolean listed = random.nextDouble() < plan.listedShare();
                int total = plan.minDevices() + random.nextInt(plan.maxDevices() - plan.minDevices() + 1);
                int siteTotal = 1 + Math.min(8, total / 40 + random.nextInt(3));
                long systemId = systems.insert(
                        orgId,
                        new CameraSystem(
                                0,
                                orgId,
                                name + " CCTV",
                                "Security team",
                                purposeOf(plan.sector()),
                                installerOf(random),
                                recorderOf(listed, random),
                                new Procurement(
                                        installerOf(random),
                                        "CT-" + (1000 + random.nextInt(9000)),
                                        LocalDate.of(
                                                2014 + random.nextInt(9),
                                                1 + random.nextInt(12),
                                                1 + random.nextInt(28)),
                                        BigDecimal.valueOf(5_000 + random.nextInt(400_000))),
                                provenance),
                        provenance);
                List<DeviceRows.Values> batch = new ArrayList<>();
                for (int s = 0; s < siteTotal; s++) {
                    SiteKind kind = pick(sitesFor(plan.sector()), random);
                    String siteName = siteName(kind, place, s);
                    boolean sensitive = plan.sector() == Sector.CENTRAL_GOVERNMENT && random.nextDouble() < 0.3;
                    long siteId = sites.insert(
                            orgId, siteName, (10 + s) + " High Street, " + place, null, kind, sensitive, provenance);
                    siteCount++;
                    int atSite = total / siteTotal;
                    for (int d = 0; d < atSite; d++) {
                        Product product =
                                listed && random.nextDouble() < 0.55 ? pick(LISTED, random) : pick(OTHERS, random);
                        batch.add(new DeviceRows.Values(
                                orgId,
                                siteId,
                                systemId,
                                "serial:DEMO" + serial,
                                facts(product, serial, random),
                                provenance,
                                FactSources.NONE));
                        serial++;
                    }
                }
                devices.insertAll(batch);
                deviceCount += batch.size();
            }
        }
        return new Result(true, orgCount, siteCount, deviceCount);
    }

    private static DeviceFacts facts(Product product, long serial, Random random) {
        int r = random.nextInt(100);
        DeviceStatus status = r < 88 ? DeviceStatus.IN_SERVICE : r < 95 ? DeviceStatus.REMOVED : DeviceStatus.REPLACED;
        LocalDate installed = LocalDate.of(2012 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate changed = status == DeviceStatus.IN_SERVICE ? null : installed.plusDays(200 + random.nextInt(2500));
        String mac = String.format(
                "%s:%02x:%02x:%02x", product.ouiPrefix(), (serial >> 16) & 0xff, (serial >> 8) & 0xff, serial & 0xff);
        String ip = "10." + (serial >> 16 & 0xff) + "." + (serial >> 8 & 0xff) + "." + (serial & 0xff);
        return new DeviceFacts(
                product.manufacturer(),
                product.brand().isEmpty() ? null : product.brand(),
                product.model(),
                product.firmware(),
                "DEMO" + serial,
                MacAddress.of(mac),
                IpAddress.of(ip),
                null,
                product.caps(),
                status,
                installed,
                changed);
    }

    private static Region regionOf(String place, Random random) {
        return switch (place) {
            case "Aberdeen", "Dundee", "Inverness", "Perth", "Stirling" -> Region.SCOTLAND;
            case "Cardiff", "Newport", "Swansea", "Wrexham", "Bangor" -> Region.WALES;
            case "Belfast", "Derry", "Lisburn", "Newry", "Armagh" -> Region.NORTHERN_IRELAND;
            default -> ENGLISH_REGIONS[Math.abs(place.hashCode()) % ENGLISH_REGIONS.length];
        };
    }

    private static String bodyName(Sector sector, String place, int round, int index) {
        String suffix = round == 0 ? "" : " " + (char) ('A' + round);
        return switch (sector) {
            case LOCAL_AUTHORITY ->
                place
                        + suffix
                        + (index % 3 == 0
                                ? " City Council"
                                : index % 3 == 1 ? " Borough Council" : " District Council");
            case NHS_TRUST -> place + suffix + " Hospitals NHS Foundation Trust";
            case SCHOOL_OR_ACADEMY_TRUST -> place + suffix + (index % 2 == 0 ? " Academy Trust" : " High School");
            case UNIVERSITY -> "University of " + place + suffix;
            case POLICE_FORCE -> place + suffix + " Police";
            case FIRE_AND_RESCUE -> place + suffix + " Fire and Rescue Service";
            case CENTRAL_GOVERNMENT -> "Department for Demonstration " + (index + 1) + suffix;
            case EXECUTIVE_AGENCY -> place + suffix + " Demonstration Agency";
            case DEVOLVED_ADMINISTRATION -> "Devolved Demonstration Office " + (index + 1) + suffix;
            case OTHER -> place + suffix + " Harbour Authority";
        };
    }

    private static SiteKind[] sitesFor(Sector sector) {
        return switch (sector) {
            case SCHOOL_OR_ACADEMY_TRUST, UNIVERSITY -> SCHOOL_SITES;
            case LOCAL_AUTHORITY -> COUNCIL_SITES;
            case POLICE_FORCE -> POLICE_SITES;
            case NHS_TRUST -> HOSPITAL_SITES;
            default -> GENERAL_SITES;
        };
    }

    private static String siteName(SiteKind kind, String place, int index) {
        return kind.label() + " " + (index + 1) + ", " + place;
    }

    private static String purposeOf(Sector sector) {
        return switch (sector) {
            case LOCAL_AUTHORITY -> "Public safety and crime prevention in public spaces";
            case POLICE_FORCE -> "Safety of detained persons and staff";
            case NHS_TRUST -> "Safety of patients, visitors and staff";
            case SCHOOL_OR_ACADEMY_TRUST, UNIVERSITY -> "Safeguarding and site security";
            default -> "Site security";
        };
    }

    private static String installerOf(Random random) {
        return pick(
                List.of(
                        "Demo Security Systems Ltd",
                        "Example Fire & Security",
                        "Sample CCTV Services",
                        "Illustrative Integration plc"),
                random);
    }

    private static String recorderOf(boolean listed, Random random) {
        return listed && random.nextBoolean()
                ? "Hikvision DS-7716NI-K4 NVR"
                : pick(
                        List.of(
                                "Milestone XProtect",
                                "Genetec Security Center",
                                "Avigilon Control Center",
                                "Dahua NVR5216-4KS2"),
                        random);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
