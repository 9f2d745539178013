/// Real places for seeded locations: Nordic and European cities with their streets, postal
/// code shapes and coordinates.
struct City: Sendable {
    let name: String
    let code: String
    let region: String
    let country: String
    let countryCode: String
    let lat: Double
    let lng: Double
    /// Postal code digits, with `#` for a random digit.
    let postalPattern: String
    let streets: [String]
}

enum CityCatalog {
    static let cities: [City] = [
        City(name: "Helsinki", code: "HEL", region: "Uusimaa", country: "Finland", countryCode: "FI", lat: 60.1699, lng: 24.9384, postalPattern: "00###", streets: ["Mannerheimintie", "Hämeentie", "Itämerenkatu", "Sörnäisten rantatie", "Teollisuuskatu"]),
        City(name: "Vantaa", code: "VAN", region: "Uusimaa", country: "Finland", countryCode: "FI", lat: 60.2934, lng: 25.0378, postalPattern: "01###", streets: ["Tikkurilantie", "Valimotie", "Porttikaari", "Lentoasemantie", "Kehä III"]),
        City(name: "Espoo", code: "ESP", region: "Uusimaa", country: "Finland", countryCode: "FI", lat: 60.2055, lng: 24.6559, postalPattern: "02###", streets: ["Keilaranta", "Tekniikantie", "Kauppamiehentie", "Länsiväylä", "Piispansilta"]),
        City(name: "Tampere", code: "TRE", region: "Pirkanmaa", country: "Finland", countryCode: "FI", lat: 61.4978, lng: 23.7610, postalPattern: "33###", streets: ["Hatanpään valtatie", "Sarankulmankatu", "Lempääläntie", "Nekalantie"]),
        City(name: "Turku", code: "TKU", region: "Varsinais-Suomi", country: "Finland", countryCode: "FI", lat: 60.4518, lng: 22.2666, postalPattern: "20###", streets: ["Satakunnantie", "Ratapihankatu", "Uudenmaantie", "Linnankatu"]),
        City(name: "Oulu", code: "OUL", region: "Pohjois-Pohjanmaa", country: "Finland", countryCode: "FI", lat: 65.0121, lng: 25.4651, postalPattern: "90###", streets: ["Kiilakiventie", "Teknologiantie", "Kauppurienkatu"]),
        City(name: "Jyväskylä", code: "JYV", region: "Keski-Suomi", country: "Finland", countryCode: "FI", lat: 62.2426, lng: 25.7473, postalPattern: "40###", streets: ["Vaajakoskentie", "Schaumanin puistotie", "Palokankaantie"]),
        City(name: "Lahti", code: "LAH", region: "Päijät-Häme", country: "Finland", countryCode: "FI", lat: 60.9827, lng: 25.6612, postalPattern: "15###", streets: ["Ahjontie", "Mukkulankatu", "Launeenkatu"]),
        City(name: "Stockholm", code: "STO", region: "Stockholms län", country: "Sweden", countryCode: "SE", lat: 59.3293, lng: 18.0686, postalPattern: "1## ##", streets: ["Sveavägen", "Lindhagensgatan", "Hammarby allé", "Frihamnsgatan", "Norra Stationsgatan"]),
        City(name: "Göteborg", code: "GOT", region: "Västra Götalands län", country: "Sweden", countryCode: "SE", lat: 57.7089, lng: 11.9746, postalPattern: "4## ##", streets: ["Lindholmsallén", "Ringögatan", "Kungsgatan", "Hisingsleden"]),
        City(name: "Malmö", code: "MMA", region: "Skåne län", country: "Sweden", countryCode: "SE", lat: 55.6050, lng: 13.0038, postalPattern: "2## ##", streets: ["Stora Varvsgatan", "Industrigatan", "Hyllie boulevard"]),
        City(name: "Uppsala", code: "UPP", region: "Uppsala län", country: "Sweden", countryCode: "SE", lat: 59.8586, lng: 17.6389, postalPattern: "75# ##", streets: ["Kungsgatan", "Boländerna", "Fyrislundsgatan"]),
        City(name: "Oslo", code: "OSL", region: "Oslo", country: "Norway", countryCode: "NO", lat: 59.9139, lng: 10.7522, postalPattern: "0###", streets: ["Karl Johans gate", "Drammensveien", "Økern torgvei", "Alnabruveien", "Ryenstubben"]),
        City(name: "Bergen", code: "BGO", region: "Vestland", country: "Norway", countryCode: "NO", lat: 60.3913, lng: 5.3221, postalPattern: "50##", streets: ["Kanalveien", "Bryggen", "Sandviksboder"]),
        City(name: "Trondheim", code: "TRD", region: "Trøndelag", country: "Norway", countryCode: "NO", lat: 63.4305, lng: 10.3951, postalPattern: "70##", streets: ["Sluppenvegen", "Fossegrenda", "Haakon VIIs gate"]),
        City(name: "Stavanger", code: "SVG", region: "Rogaland", country: "Norway", countryCode: "NO", lat: 58.9700, lng: 5.7331, postalPattern: "40##", streets: ["Forusbeen", "Hillevågsveien", "Kirkegata"]),
        City(name: "København", code: "CPH", region: "Hovedstaden", country: "Denmark", countryCode: "DK", lat: 55.6761, lng: 12.5683, postalPattern: "2###", streets: ["Vesterbrogade", "Amager Strandvej", "Kalvebod Brygge", "Sydhavnsgade"]),
        City(name: "Aarhus", code: "AAR", region: "Midtjylland", country: "Denmark", countryCode: "DK", lat: 56.1629, lng: 10.2039, postalPattern: "8###", streets: ["Skanderborgvej", "Hasselager Allé", "Oddervej"]),
        City(name: "Odense", code: "ODE", region: "Syddanmark", country: "Denmark", countryCode: "DK", lat: 55.4038, lng: 10.4024, postalPattern: "5###", streets: ["Middelfartvej", "Rugårdsvej", "Ørbækvej"]),
        City(name: "Reykjavík", code: "REY", region: "Höfuðborgarsvæðið", country: "Iceland", countryCode: "IS", lat: 64.1466, lng: -21.9426, postalPattern: "1##", streets: ["Laugavegur", "Sæbraut", "Borgartún"]),
        City(name: "Tallinn", code: "TLL", region: "Harju maakond", country: "Estonia", countryCode: "EE", lat: 59.4370, lng: 24.7536, postalPattern: "1####", streets: ["Pärnu maantee", "Peterburi tee", "Sadama"]),
        City(name: "Rīga", code: "RIX", region: "Rīga", country: "Latvia", countryCode: "LV", lat: 56.9496, lng: 24.1052, postalPattern: "LV-10##", streets: ["Brīvības iela", "Krasta iela", "Granīta iela"]),
        City(name: "Vilnius", code: "VNO", region: "Vilniaus apskritis", country: "Lithuania", countryCode: "LT", lat: 54.6872, lng: 25.2797, postalPattern: "LT-0####", streets: ["Konstitucijos prospektas", "Savanorių prospektas", "Ukmergės gatvė"]),
        City(name: "Berlin", code: "BER", region: "Berlin", country: "Germany", countryCode: "DE", lat: 52.5200, lng: 13.4050, postalPattern: "1####", streets: ["Alt-Moabit", "Landsberger Allee", "Sonnenallee", "Am Treptower Park"]),
        City(name: "Hamburg", code: "HAM", region: "Hamburg", country: "Germany", countryCode: "DE", lat: 53.5511, lng: 9.9937, postalPattern: "2####", streets: ["Billstraße", "Hafenstraße", "Osterfeldstraße"]),
        City(name: "München", code: "MUC", region: "Bayern", country: "Germany", countryCode: "DE", lat: 48.1351, lng: 11.5820, postalPattern: "8####", streets: ["Landsberger Straße", "Leopoldstraße", "Frankfurter Ring"]),
        City(name: "Frankfurt am Main", code: "FRA", region: "Hessen", country: "Germany", countryCode: "DE", lat: 50.1109, lng: 8.6821, postalPattern: "60###", streets: ["Hanauer Landstraße", "Mainzer Landstraße", "Cargo City Süd"]),
        City(name: "Köln", code: "CGN", region: "Nordrhein-Westfalen", country: "Germany", countryCode: "DE", lat: 50.9375, lng: 6.9603, postalPattern: "50###", streets: ["Aachener Straße", "Rheinuferstraße", "Industriestraße"]),
        City(name: "Amsterdam", code: "AMS", region: "Noord-Holland", country: "Netherlands", countryCode: "NL", lat: 52.3676, lng: 4.9041, postalPattern: "10## AB", streets: ["Basisweg", "Johan Huizingalaan", "Piet Heinkade"]),
        City(name: "Rotterdam", code: "RTM", region: "Zuid-Holland", country: "Netherlands", countryCode: "NL", lat: 51.9244, lng: 4.4777, postalPattern: "30## CD", streets: ["Waalhaven Oostzijde", "Weena", "Kralingseweg"]),
        City(name: "Utrecht", code: "UTC", region: "Utrecht", country: "Netherlands", countryCode: "NL", lat: 52.0907, lng: 5.1214, postalPattern: "35## EF", streets: ["Europalaan", "Atoomweg", "Papendorpseweg"]),
        City(name: "Antwerpen", code: "ANR", region: "Antwerpen", country: "Belgium", countryCode: "BE", lat: 51.2194, lng: 4.4025, postalPattern: "20##", streets: ["Noorderlaan", "Kempenstraat", "Singel"]),
        City(name: "Bruxelles", code: "BRU", region: "Bruxelles-Capitale", country: "Belgium", countryCode: "BE", lat: 50.8503, lng: 4.3517, postalPattern: "1###", streets: ["Boulevard Industriel", "Chaussée de Louvain", "Avenue Louise"]),
        City(name: "Paris", code: "PAR", region: "Île-de-France", country: "France", countryCode: "FR", lat: 48.8566, lng: 2.3522, postalPattern: "750##", streets: ["Rue de Rivoli", "Quai de Bercy", "Boulevard Macdonald"]),
        City(name: "Lyon", code: "LYS", region: "Auvergne-Rhône-Alpes", country: "France", countryCode: "FR", lat: 45.7640, lng: 4.8357, postalPattern: "690##", streets: ["Rue de Gerland", "Avenue Jean Jaurès", "Cours Charlemagne"]),
        City(name: "Wien", code: "VIE", region: "Wien", country: "Austria", countryCode: "AT", lat: 48.2082, lng: 16.3738, postalPattern: "1###", streets: ["Handelskai", "Triester Straße", "Erdberger Lände"]),
        City(name: "Zürich", code: "ZRH", region: "Zürich", country: "Switzerland", countryCode: "CH", lat: 47.3769, lng: 8.5417, postalPattern: "80##", streets: ["Hardturmstrasse", "Thurgauerstrasse", "Pfingstweidstrasse"]),
        City(name: "Warszawa", code: "WAW", region: "Mazowieckie", country: "Poland", countryCode: "PL", lat: 52.2297, lng: 21.0122, postalPattern: "0#-###", streets: ["Aleje Jerozolimskie", "Żwirki i Wigury", "Modlińska"]),
        City(name: "Praha", code: "PRG", region: "Hlavní město Praha", country: "Czechia", countryCode: "CZ", lat: 50.0755, lng: 14.4378, postalPattern: "1## 00", streets: ["Evropská", "Sokolovská", "Průmyslová"]),
        City(name: "Madrid", code: "MAD", region: "Comunidad de Madrid", country: "Spain", countryCode: "ES", lat: 40.4168, lng: -3.7038, postalPattern: "280##", streets: ["Calle de Alcalá", "Paseo de la Castellana", "Avenida de Córdoba"]),
        City(name: "Barcelona", code: "BCN", region: "Catalunya", country: "Spain", countryCode: "ES", lat: 41.3874, lng: 2.1686, postalPattern: "080##", streets: ["Carrer de la Zona Franca", "Avinguda Diagonal", "Gran Via de les Corts Catalanes"]),
        City(name: "Milano", code: "MIL", region: "Lombardia", country: "Italy", countryCode: "IT", lat: 45.4642, lng: 9.1900, postalPattern: "201##", streets: ["Viale Certosa", "Via Mecenate", "Viale Monza"]),
        City(name: "Dublin", code: "DUB", region: "Leinster", country: "Ireland", countryCode: "IE", lat: 53.3498, lng: -6.2603, postalPattern: "D## X###", streets: ["North Wall Quay", "Naas Road", "Ballymun Road"]),
        City(name: "London", code: "LON", region: "England", country: "United Kingdom", countryCode: "GB", lat: 51.5072, lng: -0.1276, postalPattern: "E1# #AB", streets: ["Commercial Road", "Western Avenue", "Old Kent Road"]),
        City(name: "Lisboa", code: "LIS", region: "Lisboa", country: "Portugal", countryCode: "PT", lat: 38.7223, lng: -9.1393, postalPattern: "1###-###", streets: ["Avenida da Liberdade", "Rua do Açúcar", "Avenida Infante Dom Henrique"]),
    ]

    /// What kind of site a location is; depots have vehicles.
    struct SiteKind: Sendable {
        let name: String
        let isDepot: Bool
        let stations: ClosedRange<Int>
    }

    static let siteKinds: [SiteKind] = [
        SiteKind(name: "Bus Depot", isDepot: true, stations: 4...12),
        SiteKind(name: "Logistics Hub", isDepot: true, stations: 3...10),
        SiteKind(name: "Fleet Yard", isDepot: true, stations: 2...8),
        SiteKind(name: "Harbour Terminal", isDepot: true, stations: 2...6),
        SiteKind(name: "Retail Park", isDepot: false, stations: 1...4),
        SiteKind(name: "Airport P3", isDepot: false, stations: 2...6),
        SiteKind(name: "Highway Plaza", isDepot: false, stations: 2...8),
        SiteKind(name: "Park & Ride", isDepot: false, stations: 1...3),
        SiteKind(name: "Business Campus", isDepot: false, stations: 1...4),
        SiteKind(name: "Service Station", isDepot: false, stations: 1...3),
    ]

    static let operators: [(name: String, website: String?)] = [
        ("Nordic Charge Oy", "https://nordiccharge.example"), ("Voltline AB", "https://voltline.example"),
        ("Fjord Power AS", nil), ("GreenGrid Mobility GmbH", "https://greengrid.example"),
        ("Metro Transit Fleet", nil), ("CityBus Depots Oy", "https://citybus.example"),
        ("Baltic E-Mobility SIA", nil), ("EuroFleet Energy BV", "https://eurofleet.example"),
    ]

    static let labels = ["Fleet North", "Public", "Depot", "Highway", "Pilot", "24/7", "Night charging"]

    /// Station hardware: model, maximum power (kW), connector layout.
    struct StationModel: Sendable {
        let model: String
        let product: String
        let maxPowerKw: Double
        let connectors: ClosedRange<Int>
        let connectorTypes: [(String, Int)]
        let connectorPowerKw: [Double]
    }

    static let stationModels: [StationModel] = [
        StationModel(model: "Kempower S-Series (satellite system)", product: "Power Unit 1000 V / 600 kW", maxPowerKw: 600, connectors: 4...8, connectorTypes: [("CCS", 9), ("CHAdeMO", 1)], connectorPowerKw: [400, 300, 150]),
        StationModel(model: "Kempower S-Series (satellite system)", product: "Power Unit 1000 V / 400 kW", maxPowerKw: 400, connectors: 2...6, connectorTypes: [("CCS", 1)], connectorPowerKw: [300, 150]),
        StationModel(model: "Kempower C-Series Dual Charger", product: "C-Series 1000 V / 240 kW", maxPowerKw: 240, connectors: 2...2, connectorTypes: [("CCS", 4), ("CHAdeMO", 1)], connectorPowerKw: [240, 120]),
        StationModel(model: "Kempower T-Series Single Charger", product: "T-Series 1000 V / 160 kW", maxPowerKw: 160, connectors: 1...2, connectorTypes: [("CCS", 1)], connectorPowerKw: [160]),
        StationModel(model: "Kempower Movable Charger", product: "Movable 40 kW", maxPowerKw: 40, connectors: 1...1, connectorTypes: [("CCS", 1)], connectorPowerKw: [40]),
        StationModel(model: "Kempower Wallbox AC", product: "AC 22 kW", maxPowerKw: 44, connectors: 2...2, connectorTypes: [("Type2", 1)], connectorPowerKw: [22]),
    ]

    static let stationNames = ["Hall A", "Hall B", "Bay 1–4 satellites", "Bay 5–8 satellites", "Depot line", "Public bay", "Truck lane", "Staff car park", "Gate charger", "Night row"]

    static let vehicleModels: [(model: String, batteryKwh: Double, maxKw: Double, consumption: Double)] = [
        ("Volvo 7900 Electric", 470, 300, 1150), ("Solaris Urbino 12 electric", 520, 300, 1100),
        ("MAN Lion's City 12 E", 480, 150, 1050), ("Mercedes-Benz eCitaro", 392, 150, 1200),
        ("Scania Citywide BEV", 416, 300, 1150), ("Volvo FH Electric", 540, 250, 1300),
        ("Mercedes-Benz eActros 600", 621, 400, 1100), ("Ford E-Transit", 68, 115, 290),
        ("Volkswagen ID. Buzz Cargo", 77, 170, 210), ("Tesla Model Y", 75, 250, 170),
    ]
}
