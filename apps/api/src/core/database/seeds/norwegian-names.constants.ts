/**
 * Given names and surnames for the demo municipality: the common Norwegian ones (SSB name statistics
 * give the flavour, not the frequencies), names with æ, ø and å, Sami names, and the names of the many
 * municipal employees with roots elsewhere.
 */
export const FIRST_NAMES: readonly string[] = [
  // women
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Anna', 'Solveig',
  'Marianne', 'Randi', 'Ida', 'Nina', 'Maria', 'Elisabeth', 'Kristin', 'Bente', 'Heidi', 'Silje', 'Hanne', 'Gunn',
  'Tone', 'Turid', 'Ragnhild', 'Sigrid', 'Åse', 'Gøril', 'Målfrid', 'Åshild', 'Sølvi', 'Kjærsti', 'Jorunn', 'Aud',
  'Gro', 'Hege', 'Trine', 'Elin', 'Camilla', 'Ingvild', 'Linn', 'Thea', 'Nora', 'Emma', 'Sofie', 'Maja', 'Ella',
  'Synnøve', 'Torunn', 'Gudrun', 'Brynhild', 'Mette', 'Siri', 'Vigdis', 'Wenche', 'Unni', 'Karoline', 'Oda', 'Tiril',
  'Ane', 'Máret', 'Elle', 'Fatima', 'Amina', 'Leila', 'Agnieszka', 'Katarzyna', 'Anna-Lena', 'Jolanta', 'Rahel',
  'Mariam', 'Linh', 'Sara', 'Hawa', 'Ayan', 'Olena', 'Grete', 'Rønnaug', 'Dagny', 'Bodil', 'Øydis',
  // men
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Svein', 'Hans', 'Arne', 'Geir', 'Terje', 'Thomas', 'Morten',
  'Trond', 'Rune', 'Tor', 'Espen', 'Anders', 'Magnus', 'Henrik', 'Sindre', 'Vegard', 'Eivind', 'Audun', 'Halvor',
  'Asbjørn', 'Ståle', 'Øyvind', 'Øystein', 'Jørund', 'Gaute', 'Helge', 'Odd', 'Leif', 'Frode', 'Mats', 'Jonas', 'Emil',
  'Sander', 'Kristoffer', 'Bård', 'Pål', 'Åsmund', 'Håkon', 'Ørjan', 'Torbjørn', 'Jørgen', 'Sigurd', 'Tormod', 'Eirik',
  'Stein', 'Gunnar', 'Steinar', 'Nils', 'Aslak', 'Mikkel', 'Ánde', 'Mohammed', 'Ahmed', 'Ali', 'Yusuf', 'Hamza',
  'Piotr', 'Tomasz', 'Marcin', 'Andrius', 'Dawit', 'Abdi', 'Minh', 'Olexandr', 'Johan', 'Jens', 'Vidar', 'Roar',
];

export const LAST_NAMES: readonly string[] = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Amundsen', 'Rasmussen', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Kristensen', 'Fredriksen', 'Holm',
  'Lien', 'Hauge', 'Christensen', 'Andresen', 'Nielsen', 'Knudsen', 'Evensen', 'Sæther', 'Aas', 'Myhre', 'Hanssen',
  'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen', 'Berntsen', 'Sandvik', 'Rønning', 'Arnesen',
  'Antonsen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen', 'Edvardsen', 'Birkeland', 'Isaksen', 'Gulbrandsen',
  'Ruud', 'Aasen', 'Strøm', 'Myklebust', 'Tangen', 'Ødegård', 'Eliassen', 'Helland', 'Bøe', 'Jenssen', 'Aune',
  'Mikkelsen', 'Tveit', 'Brekke', 'Abrahamsen', 'Madsen', 'Løken', 'Fjeld', 'Våge', 'Kvalheim', 'Økland', 'Sæbø',
  'Grønning', 'Bråten', 'Løvås', 'Østby', 'Ås', 'Sætre', 'Bjørnstad', 'Hætta', 'Eira', 'Sara', 'Gaup', 'Berg-Hansen',
  'Nguyen', 'Tran', 'Ali', 'Ahmed', 'Hussain', 'Mohamed', 'Khan', 'Nowak', 'Kowalska', 'Wiśniewski', 'Kazlauskas',
  'Haile', 'Abdi', 'Yilmaz', 'Kovalenko', 'Svensson', 'Lindqvist',
];
